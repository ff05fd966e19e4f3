package io.rapport.trend;

import java.util.List;

/**
 * Statistics and events of one score (the total or a subscale) of a pair. Fields are null when undefined: mean with no
 * score, sd and slope with fewer than 2, slopeCi95 with fewer than 3, cutoffPosition with no cutoff or no score.
 *
 * @param n number of scores
 * @param slopeCi95 [lower, upper] 95 % confidence interval of the slope (Student t, n − 2 df)
 */
public record ScoreTrend(int n, Double mean, Double sd, Double slope, List<Double> slopeCi95,
        ReliableChange reliableChange, CutoffPosition cutoffPosition, List<TrendEvent> events) {
}
