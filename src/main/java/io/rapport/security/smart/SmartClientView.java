package io.rapport.security.smart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registered client as admins see it. {@code clientId} is what the client puts in {@code iss} and {@code sub}
 * of its assertions; {@code tokenEndpoint} is the {@code aud} they must name.
 */
public record SmartClientView(UUID clientId, String name, String jwksUrl, JsonNode jwks, List<String> scopes,
        String tokenEndpoint, Instant createdAt, Instant disabledAt, boolean enabled) {
}
