package io.rapport.trend;

/**
 * Jacobson–Truax reliable change of the latest score. Deltas are latest − first and latest − previous (signed); they are
 * null with fewer than 2 scores. The threshold and flags are null when the instrument publishes no SD/reliability.
 */
public record ReliableChange(Double threshold, Double fromFirst, Double fromPrevious, Boolean fromFirstReliable,
        Boolean fromPreviousReliable) {
}
