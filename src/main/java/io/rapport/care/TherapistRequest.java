package io.rapport.care;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/therapists/{externalId}}; absent fields are cleared, as PUT replaces. */
public record TherapistRequest(@Size(max = 200) String displayName, @Email @Size(max = 320) String email,
        Boolean active) {
}
