package io.rapport.delivery;

import java.util.UUID;

/**
 * What delivery needs to know about sessions, pairs and clients, which the care feature owns and implements this
 * for: delivery reads none of their tables itself.
 */
public interface SessionDirectory {

    /** A session's pair and number. */
    record SessionRef(UUID pairId, int sessionNumber) {
    }

    /** The session's pair and number; the session exists, since an assignment refers to it. */
    SessionRef session(UUID organizationId, UUID sessionId);

    /** What the client's pages and messages say about the session. */
    SessionContext context(UUID organizationId, UUID sessionId);

    /** Whether the organization has this pair. */
    boolean pairExists(UUID organizationId, UUID pairId);
}
