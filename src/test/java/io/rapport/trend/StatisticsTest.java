package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.RCI_4_9;
import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.scores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    private final TrendEngine engine = new TrendEngine(TrendFixtures.AT_1_96);

    @Test
    void shouldReturnNullsForEmptySeries() {
        PairTrend trend = engine.analyse(instrument(5.0, 0.875, 20.0, 1), List.of());

        assertEquals(List.of(), trend.points());
        assertEquals(0, trend.n());
        assertNull(trend.mean());
        assertNull(trend.sd());
        assertNull(trend.slope());
        assertNull(trend.slopeCi95());
        assertNull(trend.reliableChange().fromFirst());
        assertNull(trend.reliableChange().fromPrevious());
        assertNull(trend.reliableChange().fromFirstReliable());
        assertNull(trend.cutoffPosition());
        assertEquals(List.of(), trend.events());
    }

    @Test
    void shouldReturnMeanButNoSpreadOrSlopeForOnePoint() {
        PairTrend trend = engine.analyse(instrument(RCI_4_9), scores(42));

        assertEquals(1, trend.points().size());
        assertEquals(42.0, trend.mean());
        assertNull(trend.sd());
        assertNull(trend.slope());
        assertNull(trend.slopeCi95());
        assertNull(trend.reliableChange().fromFirst());
        assertNull(trend.reliableChange().fromPreviousReliable());
    }

    @Test
    void shouldReturnSlopeButNoConfidenceIntervalForTwoPoints() {
        // (1, 10), (2, 14): mean 12, sd = √((2² + 2²) / 1) = √8, slope 4
        PairTrend trend = engine.analyse(instrument(RCI_4_9), scores(10, 14));

        assertEquals(12.0, trend.mean(), 1e-12);
        assertEquals(Math.sqrt(8), trend.sd(), 1e-12);
        assertEquals(4.0, trend.slope(), 1e-12);
        assertNull(trend.slopeCi95());
        assertEquals(4.0, trend.reliableChange().fromFirst(), 1e-12);
        assertFalse(trend.reliableChange().fromFirstReliable());
    }

    @Test
    void shouldMatchHandComputedRegression() {
        // x = 1..4, y = 2, 4, 5, 9; x̄ = 2.5, ȳ = 5; Sxx = 5, Sxy = 4.5 + 0.5 + 0 + 6 = 11; slope = 2.2
        // fitted −0.5 + 2.2x = 1.7, 3.9, 6.1, 8.3; residuals .3, .1, −1.1, .7; SSE = 1.8; MSE = 1.8 / 2 = 0.9
        // SE(slope) = √(0.9 / 5) = 0.424264; t(0.975, 2 df) = √(2 / (α(2 − α)) − 2) with α = 0.05 = 4.302653
        // half-width = 4.302653 · 0.424264 = 1.825461; CI = [0.374539, 4.025461]
        // sd = √((9 + 1 + 0 + 16) / 3) = √(26/3) = 2.943920
        PairTrend trend = engine.analyse(instrument(RCI_4_9), scores(2, 4, 5, 9));

        assertEquals(5.0, trend.mean(), 1e-12);
        assertEquals(2.943920, trend.sd(), 1e-6);
        assertEquals(2.2, trend.slope(), 1e-12);
        assertEquals(0.374539, trend.slopeCi95().get(0), 1e-5);
        assertEquals(4.025461, trend.slopeCi95().get(1), 1e-5);
    }

    @Test
    void shouldUseSessionNumbersNotPositionsForTheSlope() {
        // Scores 10 at session 1 and 16 at session 4 (2 and 3 unanswered): slope 6 / 3 = 2 per session
        PairTrend trend = engine.analyse(instrument(RCI_4_9), List.of(TrendFixtures.answered(1, 10),
                TrendFixtures.expired(2), TrendFixtures.expired(3), TrendFixtures.answered(4, 16)));

        assertEquals(2.0, trend.slope(), 1e-12);
        assertEquals(2, trend.points().size());
    }

    @Test
    void shouldGiveFlatSlopeAndDegenerateIntervalForConstantScores() {
        PairTrend trend = engine.analyse(instrument(RCI_4_9), scores(5, 5, 5));

        assertEquals(0.0, trend.sd(), 1e-12);
        assertEquals(0.0, trend.slope(), 1e-12);
        assertEquals(0.0, trend.slopeCi95().get(0), 1e-12);
        assertEquals(0.0, trend.slopeCi95().get(1), 1e-12);
    }

    @Test
    void shouldLeaveSlopeUndefinedWhenAllPointsShareOneSessionNumber() {
        PairTrend trend = engine.analyse(instrument(RCI_4_9),
                List.of(TrendFixtures.answered(3, 10), TrendFixtures.answered(3, 12), TrendFixtures.answered(3, 14)));

        assertNull(trend.slope());
        assertNull(trend.slopeCi95());
    }

    @Test
    void shouldSortSessionsAndKeepUnscoredResponsesAsPointsWithoutTotal() {
        List<SessionObservation> sessions = List.of(TrendFixtures.answered(2, 14),
                SessionObservation.answered(3, TrendFixtures.at(3), null, Map.of()), TrendFixtures.answered(1, 10));

        PairTrend trend = engine.analyse(instrument(RCI_4_9), sessions);

        assertEquals(List.of(1, 2, 3), trend.points().stream().map(Point::sessionNumber).toList());
        assertNull(trend.points().get(2).total());
        assertEquals(2, trend.n());
        assertEquals(4.0, trend.slope(), 1e-12);
    }

    @Test
    void shouldAnalyseEachSubscaleWithItsOwnConstants() {
        // Subscale "bond" with SD = 2, r = 0.5: threshold = 1.96 · √2 · 2 · √0.5 = 1.96 · 2 = 3.92
        // "task" has no constants: the total's step, no threshold
        ScoreConstants bond = new ScoreConstants(2.0, 0.5, null, 1);
        InstrumentConstants wai = new InstrumentConstants("wai-sr", Direction.BELOW, RCI_4_9, Map.of("bond", bond));
        List<SessionObservation> sessions = List.of(
                SessionObservation.answered(1, TrendFixtures.at(1), 30.0, Map.of("bond", 15.0, "task", 15.0)),
                SessionObservation.answered(2, TrendFixtures.at(2), 26.0, Map.of("bond", 11.0, "task", 15.0)));

        PairTrend trend = engine.analyse(wai, sessions);

        ScoreTrend bondTrend = trend.subscales().get("bond");
        assertEquals(3.92, bondTrend.reliableChange().threshold(), 1e-12);
        assertEquals(-4.0, bondTrend.reliableChange().fromFirst(), 1e-12);
        assertTrue(bondTrend.reliableChange().fromFirstReliable());
        assertEquals(List.of("reliable-drop@2"), TrendFixtures.summary(bondTrend.events()));
        assertNull(trend.subscales().get("task").reliableChange().threshold());
        assertEquals(0.0, trend.subscales().get("task").slope(), 1e-12);
        // the total fell by 4 < 4.9: no event at the top level
        assertEquals(List.of(), trend.events());
    }
}
