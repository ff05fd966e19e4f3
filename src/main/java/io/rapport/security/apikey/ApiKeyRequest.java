package io.rapport.security.apikey;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A key an admin issues. {@code scopes} is a non-empty subset of read and write; {@code expiresAt}, when given,
 * must lie in the future.
 */
public record ApiKeyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "ehr|admin", message = "must be ehr or admin") String role,
        @NotNull @Size(min = 1, max = 2) List<@NotNull @Pattern(regexp = "read|write", message = "must be read or write") String> scopes,
        Instant expiresAt) {
}
