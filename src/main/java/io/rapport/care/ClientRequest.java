package io.rapport.care;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/clients/{externalId}}; absent fields are cleared, as PUT replaces. */
public record ClientRequest(@Size(max = 200) String displayName, @Email @Size(max = 320) String email,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a language tag such as en or es-MX") String preferredLanguage) {
}
