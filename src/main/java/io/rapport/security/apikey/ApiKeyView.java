package io.rapport.security.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rapport.security.Scopes;

/**
 * A key as admins see it: never the key or its hash. A key stored without scopes has full access, shown as both.
 * {@code revokedAt} in the future is the end of a rotation's
 * grace period; {@code replacedBy} names the key the rotation issued.
 */
public record ApiKeyView(UUID id, String name, String role, List<String> scopes, String prefix, Instant createdAt,
        Instant lastUsedAt, Instant expiresAt, Instant revokedAt, UUID replacedBy, boolean usable) {

    static ApiKeyView of(ApiKey k, Instant now) {
        return new ApiKeyView(k.id, k.name, k.role,
                k.scopes == null ? List.of(Scopes.READ, Scopes.WRITE) : List.of(k.scopes.split(" ")), k.prefix, k.createdAt,
                k.lastUsedAt, k.expiresAt, k.revokedAt, k.replacedBy, k.usableAt(now));
    }
}
