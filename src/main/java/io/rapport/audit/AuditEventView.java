package io.rapport.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit row as admins see it. */
public record AuditEventView(long seq, UUID id, Instant occurredAt, String actor, String action, String route,
        String objectType, String objectId, UUID clientId, String outcome, Integer status, String requestId,
        String prevHash, String hash) {
}
