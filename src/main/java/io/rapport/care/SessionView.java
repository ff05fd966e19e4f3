package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rapport.delivery.Assignment;
import io.rapport.delivery.AssignmentView;

public record SessionView(UUID id, UUID pairId, int sessionNumber, Instant occurredAt, String encounterId,
        List<AssignmentView> assignments) {

    /**
     * Stored sessions as a reader sees them, each with its own assignments; the links cannot be shown again, as
     * only their hashes are stored.
     */
    static List<SessionView> stored(List<TherapySession> sessions, List<Assignment> assignments, Instant now) {
        Map<UUID, List<Assignment>> bySession = assignments.stream().collect(Collectors.groupingBy(a -> a.sessionId));
        return sessions.stream().map(s -> new SessionView(s.id, s.pairId, s.sessionNumber, s.occurredAt,
                s.encounterId, bySession.getOrDefault(s.id, List.of()).stream()
                        .map(a -> AssignmentView.of(a, null, now)).toList()))
                .toList();
    }
}
