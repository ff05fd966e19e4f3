package io.rapport.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert. {@code explanation} says why it was raised: the rule, the values compared, the threshold; where the
 * numbers came from is in {@code detail.constants}. Alerts raised before explanations existed have none (null).
 * {@code acknowledgementNote} is what the acknowledger wrote, if anything.
 */
public record AlertView(UUID id, UUID pairId, String questionnaireId, String type, int sessionNumber,
        String explanation, Map<String, Object> detail, String status, Instant createdAt, String acknowledgedBy,
        Instant acknowledgedAt, String acknowledgementNote) {
}
