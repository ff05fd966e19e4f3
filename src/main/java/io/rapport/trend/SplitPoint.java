package io.rapport.trend;

import java.time.Instant;
import java.util.Map;

/**
 * A session shared by at least two raters who all have a scored total.
 *
 * @param difference max − min of the raters' totals (|a − b| for a couple)
 * @param scores each rater's total
 * @param split whether the difference reaches the reliable change threshold
 */
public record SplitPoint(int sessionNumber, Instant occurredAt, double difference, Map<String, Double> scores,
        boolean split) {
}
