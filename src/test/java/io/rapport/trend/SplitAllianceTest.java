package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.RCI_4_9;
import static io.rapport.trend.TrendFixtures.answered;
import static io.rapport.trend.TrendFixtures.expired;
import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.scores;
import static io.rapport.trend.TrendFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SplitAllianceTest {

    private final TrendEngine engine = new TrendEngine();

    @Test
    void shouldFlagWideningSplitOfACouple() {
        // differences |30 − b|: 1, 3, 5, 6; flagged from 5 ≥ 4.9
        // slope: x̄ = 2.5, ȳ = 3.75, Sxy = 4.125 + 0.375 + 0.625 + 3.375 = 8.5, Sxx = 5 → 1.7 per session
        SplitAlliance split = engine.split(instrument(RCI_4_9),
                Map.of("anna", scores(30, 30, 30, 30), "ben", scores(29, 27, 25, 24)));

        assertEquals(List.of(1.0, 3.0, 5.0, 6.0), split.points().stream().map(SplitPoint::difference).toList());
        assertEquals(1.7, split.slope(), 1e-12);
        assertTrue(split.slopeCi95().get(0) > 0);
        assertEquals(3.75, split.mean(), 1e-12);
        assertEquals(List.of("split-alliance@3", "split-alliance@4"), summary(split.events()));
        assertEquals(Map.of("anna", 30.0, "ben", 25.0), split.points().get(2).scores());
    }

    @Test
    void shouldFlagDifferenceExactlyAtThresholdButNotJustBelow() {
        // 30 − 25.1 = 4.9 ≥ 4.9; 30 − 25.2 = 4.8 < 4.9
        SplitAlliance split = engine.split(instrument(RCI_4_9),
                Map.of("anna", scores(30, 30), "ben", scores(25.1, 25.2)));

        assertTrue(split.points().get(0).split());
        assertFalse(split.points().get(1).split());
        assertEquals(List.of("split-alliance@1"), summary(split.events()));
    }

    @Test
    void shouldUseRangeForMoreThanTwoRatersAndSkipSessionsNotShared() {
        // session 1: max − min of {20, 26, 23} = 6; session 2: only "kid" answered, not shared;
        // session 3: {24, 22} → 2
        Map<String, List<SessionObservation>> family = Map.of(
                "mother", List.of(answered(1, 20), expired(2), answered(3, 24)),
                "father", List.of(answered(1, 26), expired(2), answered(3, 22)),
                "kid", List.of(answered(1, 23), answered(2, 10), expired(3)));

        SplitAlliance split = engine.split(instrument(RCI_4_9), family);

        assertEquals(List.of(1, 3), split.points().stream().map(SplitPoint::sessionNumber).toList());
        assertEquals(6.0, split.points().get(0).difference(), 1e-12);
        assertEquals(2.0, split.points().get(1).difference(), 1e-12);
        assertEquals(List.of("split-alliance@1"), summary(split.events()));
        assertNull(split.slopeCi95());
    }

    @Test
    void shouldNotFlagWithoutPublishedReliability() {
        SplitAlliance split = engine.split(instrument(null, null, null, 1),
                Map.of("anna", scores(30), "ben", scores(10)));

        assertNull(split.threshold());
        assertEquals(List.of(), split.events());
        assertNull(split.slope());
    }

    @Test
    void shouldReturnEmptySplitForASingleRater() {
        SplitAlliance split = engine.split(instrument(RCI_4_9), Map.of("anna", scores(30, 20)));

        assertEquals(List.of(), split.points());
        assertNull(split.mean());
    }
}
