package io.rapport.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record AlertView(UUID id, UUID pairId, String questionnaireId, String type, int sessionNumber,
        Map<String, Object> detail, String status, Instant createdAt, String acknowledgedBy,
        Instant acknowledgedAt) {
}
