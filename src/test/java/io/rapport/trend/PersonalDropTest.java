package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.scores;
import static io.rapport.trend.TrendFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDropTest {

    private final TrendEngine engine = new TrendEngine();

    /** No RCI and no cutoff, so only personal-drop can fire; VAS-like step of 0.1. */
    private final InstrumentConstants vas = instrument(null, null, null, 0.1);

    @Test
    void shouldNotRaisePersonalDropExactlyAtTwoSds() {
        // earlier {4, 5, 6}: mean 5, sd = √((1 + 0 + 1) / 2) = 1; 5 − 3 = 2 = 2·sd, not more
        assertEquals(List.of(), engine.analyse(vas, scores(4, 5, 6, 3)).events());
    }

    @Test
    void shouldRaisePersonalDropBeyondTwoSds() {
        // 5 − 2.9 = 2.1 > 2·1 and ≥ 0.1
        List<TrendEvent> events = engine.analyse(vas, scores(4, 5, 6, 2.9)).events();

        assertEquals(List.of("personal-drop@4"), summary(events));
        Map<String, Object> detail = events.get(0).detail();
        assertEquals(5.0, (double) detail.get("mean"), 1e-12);
        assertEquals(1.0, (double) detail.get("sd"), 1e-12);
    }

    @Test
    void shouldRequireAtLeastThreeEarlierScores() {
        // earlier {4, 6}: mean 5, sd √2; 5 − 0 = 5 > 2.83, but only 2 earlier scores
        assertEquals(List.of(), engine.analyse(vas, scores(4, 6, 0)).events());
    }

    @Test
    void shouldRequireTheShortfallToReachOneScaleStep() {
        // earlier {5, 5, 5}: sd 0, so any shortfall exceeds 2·sd; with step 1, 5 − 4.5 = 0.5 is too small
        InstrumentConstants integerSum = instrument(null, null, null, 1);

        assertEquals(List.of(), engine.analyse(integerSum, scores(5, 5, 5, 4.5)).events());
        // 5 − 4 = 1: exactly one step counts
        assertEquals(List.of("personal-drop@4"), summary(engine.analyse(integerSum, scores(5, 5, 5, 4)).events()));
    }

    @Test
    void shouldCompareWithAllEarlierScoresNotOnlyTheFirstThree() {
        // session 5: earlier {4, 5, 6, 5}: mean 5, sd = √(2 / 3) = 0.8165; 5 − 3 = 2 > 1.633 → personal drop
        // (session 4 itself: 5 is not under the earlier mean)
        assertEquals(List.of("personal-drop@5"), summary(engine.analyse(vas, scores(4, 5, 6, 5, 3)).events()));
    }
}
