package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.scores;
import static io.rapport.trend.TrendFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDropTest {

    /** k = 2 for readable numbers; the drop-from-previous rule is kept out of the way with a huge z. */
    private final TrendEngine engine = new TrendEngine(new Thresholds(1.96, 3, 2, 3, 2, 100));

    /** Error SD 1 (from the within-pair SD alone), no cutoff, VAS-like step of 0.1. */
    private final InstrumentConstants vas = new InstrumentConstants("srs", Direction.BELOW,
            new ScoreConstants(null, null, null, 0.1, 1.0), Map.of());

    @Test
    void shouldNotRaisePersonalDropExactlyAtTheMargin() {
        // earlier {4, 5, 6}: mean 5, own sd 1 = error SD; margin 2·1·√(1 + 1/3) = 2.3094
        double margin = 2 * Math.sqrt(4.0 / 3);
        assertEquals(List.of(), engine.analyse(vas, scores(4, 5, 6, 5 - margin)).events());
    }

    @Test
    void shouldRaisePersonalDropBeyondTheMargin() {
        List<TrendEvent> events = engine.analyse(vas, scores(4, 5, 6, 2.6)).events();

        assertEquals(List.of("personal-drop@4"), summary(events));
        Map<String, Object> detail = events.get(0).detail();
        assertEquals(5.0, (double) detail.get("mean"), 1e-12);
        assertEquals(1.0, (double) detail.get("sd"), 1e-12);
        assertEquals(2 * Math.sqrt(4.0 / 3), (double) detail.get("margin"), 1e-12);
        assertEquals("within-pair-sd", detail.get("errorSdBasis"));
    }

    @Test
    void shouldRequireAtLeastThreeEarlierScores() {
        // earlier {4, 6}: 5 − 0 = 5 is far below, but only 2 earlier scores
        assertEquals(List.of(), engine.analyse(vas, scores(4, 6, 0)).events());
    }

    @Test
    void shouldNotTurnADipFromTheCeilingIntoARupture() {
        // a pair at the top has own sd 0; the floor is the error SD (1): a dip of 1 is within 2.31
        InstrumentConstants srs = new InstrumentConstants("srs", Direction.BELOW,
                new ScoreConstants(null, null, null, 0.1, 1.0), Map.of());
        assertEquals(List.of(), engine.analyse(srs, scores(40, 40, 40, 40, 39)).events());
        // the pair's own SD alone (0) would have called any dip "infinitely many SDs"
        assertEquals(List.of("personal-drop@5"), summary(engine.analyse(srs, scores(40, 40, 40, 40, 37)).events()));
    }

    @Test
    void shouldUseThePairsOwnSdWhenItIsLargerThanTheErrorSd() {
        // earlier {2, 5, 8}: own sd 3 > 1: margin 2·3·√(4/3) = 6.93; 5 − 0 = 5 is within it
        List<TrendEvent> events = engine.analyse(vas, scores(2, 5, 8, 0)).events();
        assertEquals(List.of(), events);
    }

    @Test
    void shouldRequireTheShortfallToReachOneScaleStep() {
        // error SD 0: any shortfall exceeds the margin (and any drop the threshold), but it must reach one step (1)
        InstrumentConstants integerSum = new InstrumentConstants("wai-sr", Direction.BELOW,
                new ScoreConstants(null, null, null, 1, 0.0), Map.of());

        assertEquals(List.of(), engine.analyse(integerSum, scores(5, 5, 5, 4.5)).events());
        assertEquals(List.of("reliable-drop@4", "personal-drop@4"),
                summary(engine.analyse(integerSum, scores(5, 5, 5, 4)).events()));
    }

    @Test
    void shouldCompareWithAllEarlierScoresNotOnlyTheFirstThree() {
        // session 5: earlier {4, 5, 6, 5}: mean 5, own sd 0.8165 < 1; margin 2·1·√(5/4) = 2.236; 5 − 2.5 = 2.5
        // session 4 itself: 5 is not under the earlier mean
        assertEquals(List.of("personal-drop@5"), summary(engine.analyse(vas, scores(4, 5, 6, 5, 2.5)).events()));
    }
}
