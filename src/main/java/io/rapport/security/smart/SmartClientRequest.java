package io.rapport.security.smart;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A backend client an admin registers: exactly one of {@code jwksUrl} (https) and {@code jwks} (a JWKS object with
 * the public keys), and the SMART system scopes it may ask for.
 */
public record SmartClientRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2048) String jwksUrl,
        JsonNode jwks,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Size(max = 100) String> scopes) {
}
