package io.rapport.rights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Everything Rapport holds about one client, in one document (GET /api/v1/clients/{externalId}/export). */
public record ClientExport(Instant exportedAt, Client client, List<Pair> pairs, List<Response> responses,
        List<Alert> alerts) {

    public record Client(UUID id, String externalId, String displayName, String email, String preferredLanguage,
            Instant createdAt, Instant updatedAt, Instant erasedAt) {
    }

    public record Pair(UUID id, String therapistId, Instant createdAt, List<Session> sessions) {
    }

    /** Link tokens are never exported: they are credentials, and only their hashes are stored anyway. */
    public record Session(UUID id, int sessionNumber, Instant occurredAt, String encounterId, UUID groupId,
            List<Assignment> assignments) {
    }

    public record Assignment(UUID id, String questionnaireId, String questionnaireVersion, String status,
            Instant expiresAt, Instant completedAt, Instant createdAt) {
    }

    public record Response(UUID id, UUID pairId, UUID sessionId, UUID assignmentId, String questionnaireId,
            String questionnaireVersion, JsonNode answers, JsonNode score, Double total, boolean scored,
            String scorerVersion, Instant startedAt, Instant submittedAt, Long durationMs, JsonNode qualityFlags,
            String channel, String language) {
    }

    public record Alert(UUID id, UUID pairId, String questionnaireId, String type, int sessionNumber,
            JsonNode detail, String status, Instant createdAt, String acknowledgedBy, Instant acknowledgedAt,
            String acknowledgementNote) {
    }
}
