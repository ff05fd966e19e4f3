package io.rapport.trend;

import java.util.List;
import java.util.Map;

/**
 * Trend of one client–therapist pair on one instrument. The top-level statistics are those of the total; the events
 * are the total's events plus no-response, ordered by session. Subscales carry their own statistics and events.
 */
public record PairTrend(String questionnaireId, List<Point> points, int n, Double mean, Double sd, Double slope,
        List<Double> slopeCi95, ReliableChange reliableChange, CutoffPosition cutoffPosition, List<TrendEvent> events,
        Map<String, ScoreTrend> subscales) {
}
