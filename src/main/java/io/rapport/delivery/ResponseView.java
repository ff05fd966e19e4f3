package io.rapport.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A stored response as the API shows it: item answers and the score exactly as computed at submission. */
public record ResponseView(UUID id, UUID assignmentId, UUID sessionId, String questionnaireId,
        String questionnaireVersion, JsonNode answers, JsonNode score, String scorerVersion, Instant startedAt,
        Instant submittedAt, Long durationMs, List<String> qualityFlags, String channel, String language) {
}
