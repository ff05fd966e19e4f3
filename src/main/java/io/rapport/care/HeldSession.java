package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who met when: a session, or a joint session as one (its id is then the group's), with Rapport's ids of the
 * therapist and of every client seen. One client's session of a joint session names the group in {@code partOf}.
 * {@code tags} are the programs it counts in: its pairs' own tags and the therapist's, distinct and sorted.
 */
public record HeldSession(UUID id, String encounterId, Instant occurredAt, UUID therapistId, List<UUID> clientIds,
        boolean joint, UUID partOf, List<String> tags) {
}
