package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rapport.delivery.AssignmentView;

public record SessionView(UUID id, UUID pairId, int sessionNumber, Instant occurredAt, String encounterId,
        List<AssignmentView> assignments) {
}
