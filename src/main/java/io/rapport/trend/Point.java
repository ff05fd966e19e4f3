package io.rapport.trend;

import java.time.Instant;
import java.util.Map;

/** A scored response of the pair; {@code total} is null when the response could not be scored. */
public record Point(int sessionNumber, Instant occurredAt, Double total, Map<String, Double> subscales) {
}
