package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.scores;
import static io.rapport.trend.TrendFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CutoffTest {

    private final TrendEngine engine = new TrendEngine();

    private final InstrumentConstants cutoff20 = instrument(null, null, 20.0, 1);

    @Test
    void shouldRaiseBelowCutoffOnFirstScore() {
        PairTrend trend = engine.analyse(cutoff20, scores(18));

        assertEquals(List.of("below-cutoff@1"), summary(trend.events()));
        assertTrue(trend.cutoffPosition().concern());
        assertEquals(-2.0, trend.cutoffPosition().distance(), 1e-12);
    }

    @Test
    void shouldRaiseBelowCutoffWhenCrossingFromAbove() {
        List<TrendEvent> events = engine.analyse(cutoff20, scores(25, 22, 19)).events();

        assertEquals(List.of("below-cutoff@3"), summary(events));
        assertEquals(22.0, events.get(0).detail().get("previous"));
        assertEquals(20.0, events.get(0).detail().get("cutoff"));
    }

    @Test
    void shouldNotRaiseBelowCutoffAgainWhileStayingBelow() {
        assertEquals(List.of("below-cutoff@2"), summary(engine.analyse(cutoff20, scores(25, 19, 18)).events()));
    }

    @Test
    void shouldNotTreatScoreEqualToCutoffAsBelow() {
        PairTrend trend = engine.analyse(cutoff20, scores(25, 20));

        assertEquals(List.of(), trend.events());
        assertFalse(trend.cutoffPosition().concern());
    }

    @Test
    void shouldRaiseAgainAfterComingBackAboveCutoff() {
        // 19 (below), 22 (above again), 18 (below again); no repair: crossing the cutoff is no rupture
        assertEquals(List.of("below-cutoff@2", "below-cutoff@4"),
                summary(engine.analyse(cutoff20, scores(21, 19, 22, 18)).events()));
    }

    @Test
    void shouldBeDirectionAwareForConcernAbove() {
        InstrumentConstants distress = new InstrumentConstants("distress", Direction.ABOVE,
                new ScoreConstants(null, null, 10.0, 1), null);

        PairTrend trend = engine.analyse(distress, scores(8, 12));

        assertEquals(List.of("below-cutoff@2"), summary(trend.events()));
        assertTrue(trend.cutoffPosition().concern());
    }
}
