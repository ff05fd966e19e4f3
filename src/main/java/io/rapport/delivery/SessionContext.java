package io.rapport.delivery;

import java.time.Instant;
import java.util.UUID;

/** What the client's pages and messages say about a session: when it was, with whom, and how to reach them. */
public record SessionContext(UUID organizationId, UUID sessionId, Instant occurredAt, String therapistName,
        String clientLanguage, String clientEmail, String therapistEmail) {
}
