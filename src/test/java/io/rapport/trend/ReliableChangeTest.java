package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.RCI_4_9;
import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.scores;
import static io.rapport.trend.TrendFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReliableChangeTest {

    private final TrendEngine engine = new TrendEngine(TrendFixtures.AT_1_96);

    @Test
    void shouldComputeThresholdFromReferenceSdAndReliability() {
        // 1.96 · √2 · 5 · √(1 − 0.875) = 1.96 · 2.5 = 4.9
        ReliableChange change = engine.analyse(instrument(RCI_4_9), scores(10)).reliableChange();

        assertEquals(4.9, change.threshold(), 1e-12);
    }

    @Test
    void shouldCountChangeExactlyAtThresholdAsReliable() {
        // 14.9 − 10 = 4.9 (4.9000000000000004 in binary) against a threshold of 4.9
        ReliableChange change = engine.analyse(instrument(RCI_4_9), scores(10, 14.9)).reliableChange();

        assertEquals(4.9, change.fromFirst(), 1e-12);
        assertTrue(change.fromFirstReliable());
        assertTrue(change.fromPreviousReliable());
    }

    @Test
    void shouldNotCountChangeJustBelowThresholdAsReliable() {
        // 14.8 − 10 = 4.8 < 4.9
        ReliableChange change = engine.analyse(instrument(RCI_4_9), scores(10, 14.8)).reliableChange();

        assertFalse(change.fromFirstReliable());
        assertFalse(change.fromPreviousReliable());
    }

    @Test
    void shouldDistinguishChangeFromFirstAndFromPrevious() {
        // from first: 14.9 − 10 = 4.9 (reliable); from previous: 14.9 − 12 = 2.9 (not)
        ReliableChange change = engine.analyse(instrument(RCI_4_9), scores(10, 12, 14.9)).reliableChange();

        assertEquals(4.9, change.fromFirst(), 1e-9);
        assertEquals(2.9, change.fromPrevious(), 1e-9);
        assertTrue(change.fromFirstReliable());
        assertFalse(change.fromPreviousReliable());
    }

    @Test
    void shouldRaiseReliableDropExactlyAtThreshold() {
        // 20 − 15.1 = 4.9 ≥ 4.9
        PairTrend trend = engine.analyse(instrument(RCI_4_9), scores(20, 15.1));

        assertEquals(List.of("reliable-drop@2"), summary(trend.events()));
        assertEquals(20.0, trend.events().get(0).detail().get("previous"));
        assertEquals(4.9, (double) trend.events().get(0).detail().get("threshold"), 1e-12);
    }

    @Test
    void shouldNotRaiseReliableDropJustBelowThresholdOrForARise() {
        // 20 − 15.2 = 4.8 < 4.9; a rise of 10 is reliable but not a drop
        assertEquals(List.of(), engine.analyse(instrument(RCI_4_9), scores(20, 15.2)).events());
        assertEquals(List.of(), engine.analyse(instrument(RCI_4_9), scores(20, 30)).events());
    }

    @Test
    void shouldLeaveReliabilityUndefinedWithoutPublishedConstants() {
        ReliableChange change = engine.analyse(instrument(null, null, null, 1), scores(10, 30)).reliableChange();

        assertNull(change.threshold());
        assertEquals(20.0, change.fromFirst());
        assertNull(change.fromFirstReliable());
    }

    @Test
    void shouldTreatHigherScoresAsConcerningWhenDirectionIsAbove() {
        // Symptom-like scale: concern ABOVE, so 10 → 14.9 is a drop of 4.9
        InstrumentConstants symptoms = new InstrumentConstants("sym", Direction.ABOVE, RCI_4_9, null);

        assertEquals(List.of("reliable-drop@2"), summary(engine.analyse(symptoms, scores(10, 14.9)).events()));
    }
}
