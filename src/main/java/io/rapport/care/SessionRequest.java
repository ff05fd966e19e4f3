package io.rapport.care;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/sessions}; ids are the EHR's own. */
public record SessionRequest(
        @ExternalId String clientId,
        @ExternalId String therapistId,
        @NotNull Instant occurredAt,
        @Size(min = 1, max = 128) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with white space") String encounterId,
        @Min(1) @Max(SessionRequest.MAX_SESSION_NUMBER) Integer sessionNumber) {

    static final int MAX_SESSION_NUMBER = 10_000;
}
