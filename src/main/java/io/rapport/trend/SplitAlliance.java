package io.rapport.trend;

import java.util.List;

/**
 * Split alliance of several raters (couple or family members) with the same therapist on one instrument's total.
 *
 * @param threshold reliable change threshold of the total, or null when not published (then nothing is flagged)
 * @param slope OLS slope of the difference per session number, null with fewer than 2 shared sessions
 * @param slopeCi95 95 % CI of that slope, null with fewer than 3 shared sessions
 * @param events one split-alliance event per shared session whose difference reaches the threshold
 */
public record SplitAlliance(String questionnaireId, List<SplitPoint> points, Double threshold, Double mean,
        Double slope, List<Double> slopeCi95, List<TrendEvent> events) {
}
