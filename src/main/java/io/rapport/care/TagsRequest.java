package io.rapport.care;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/pairs/{pairId}/tags}: the pair's own program tags, replacing the old ones. */
public record TagsRequest(
        @NotNull @Size(max = TherapistRequest.MAX_TAGS) List<@NotNull @Pattern(regexp = TherapistRequest.TAG, message = "must be 1 to 64 letters, digits, '-', '_' or '.'") String> tags) {
}
