package io.rapport.care;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record OrganizationRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String slug,
        @NotBlank @Size(max = 200) String name,
        @Min(1) @Max(OrganizationRequest.MAX_LINK_TTL_HOURS) Integer linkTtlHours) {

    static final int DEFAULT_LINK_TTL_HOURS = 72;
    static final int MAX_LINK_TTL_HOURS = 2160;
}
