package io.rapport.account;

import java.time.Instant;
import java.util.UUID;

/** An account as admins see it: never its password or hash. {@code therapistId} is the EHR's id. */
public record AccountView(UUID id, String username, String role, String therapistId, boolean active,
        Instant createdAt, Instant lastLoginAt) {
}
