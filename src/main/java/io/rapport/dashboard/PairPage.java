package io.rapport.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pair's page: its people and its sessions, newest first, each with its questionnaires. */
public record PairPage(UUID pairId, String client, String clientCode, String therapist, List<SessionRow> sessions) {

    public record SessionRow(int number, Instant occurredAt, List<AssignmentRow> assignments) {
    }

    /** {@code status} is open, completed, expired or cancelled, as a reader sees it now. */
    public record AssignmentRow(String questionnaireId, String questionnaireVersion, String status,
            Instant expiresAt, Instant completedAt) {
    }
}
