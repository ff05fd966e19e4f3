package io.rapport.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** The client of each of these sessions, by session id; sessions the organization lacks are left out. */
    Map<UUID, UUID> clientsOfSessions(UUID organizationId, Collection<UUID> sessionIds);

    /** Every session of the client, in the organization; empty for an unknown client. */
    List<UUID> sessionsOfClient(UUID organizationId, UUID clientId);

    /** Every pair of the client, in the organization; empty for an unknown client. */
    List<UUID> pairsOfClient(UUID organizationId, UUID clientId);

    /** Whether the pair's therapist turned the client's own chart off; false for an unknown pair. */
    boolean clientChartOff(UUID organizationId, UUID pairId);

    /** When each session of the pair took place, by session id. */
    Map<UUID, Instant> sessionTimes(UUID organizationId, UUID pairId);
}
