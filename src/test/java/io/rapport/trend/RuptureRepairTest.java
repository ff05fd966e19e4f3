package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.RCI_4_9;
import static io.rapport.trend.TrendFixtures.answered;
import static io.rapport.trend.TrendFixtures.expired;
import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.open;
import static io.rapport.trend.TrendFixtures.scores;
import static io.rapport.trend.TrendFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuptureRepairTest {

    private final TrendEngine engine = new TrendEngine(TrendFixtures.AT_1_96);

    // RCI_4_9: error SD = SEM = 5·√0.125 = 1.7678; drop threshold 1.96·√2·1.7678 = 4.9; repair margin
    // 1.96·1.7678 = 3.465 around the reference, the mean of the scores before the rupture.

    @Test
    void shouldRepairWhenScoreReturnsToPreRuptureLevelWithinWindow() {
        // 31 → 25 is a drop of 6 ≥ 4.9 at session 3; reference = mean(30, 31) = 30.5; window = sessions 4..6;
        // 26 is 4.5 short (> 3.465), 30 at session 5 is 0.5 short: repaired
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 26, 30)).events();

        assertEquals(List.of("reliable-drop@3", "repair@5"), summary(events));
        assertEquals(30.5, events.get(1).detail().get("reference"));
        assertEquals(3.465, (double) events.get(1).detail().get("margin"), 1e-3);
        assertEquals(3, events.get(1).detail().get("ruptureSession"));
    }

    @Test
    void shouldEmitUnrepairedAtSessionClosingTheWindow() {
        // drop 31 → 25 at session 3; 26 at sessions 4..6 stays 4.5 under 30.5; 35 at session 7 is too late
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 26, 26, 26, 35)).events();

        assertEquals(List.of("reliable-drop@3", "unrepaired@6"), summary(events));
        assertEquals(6, events.get(1).detail().get("windowEnd"));
    }

    @Test
    void shouldKeepRuptureOpenWhileWindowHasNotPassed() {
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 26, 26)).events();

        assertEquals(List.of("reliable-drop@3"), summary(events));
    }

    @Test
    void shouldCountUnansweredSessionsTowardTheWindow() {
        // sessions 4..6 passed without an answer: the window closed at 6 (and two expiries raise no-response at 5)
        List<SessionObservation> sessions = List.of(answered(1, 30), answered(2, 31), answered(3, 25), expired(4),
                expired(5), expired(6));

        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), sessions).events();

        assertEquals(List.of("reliable-drop@3", "no-response@5", "unrepaired@6"), summary(events));
    }

    @Test
    void shouldKeepRuptureOpenWhileAnAssignmentInTheWindowIsStillOpen() {
        // session 5's questionnaire may still be answered and repair, so session 6 does not close the window
        List<SessionObservation> sessions = List.of(answered(1, 30), answered(2, 31), answered(3, 25),
                answered(4, 26), open(5), answered(6, 26));

        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), sessions).events();

        assertEquals(List.of("reliable-drop@3"), summary(events));
    }

    @Test
    void shouldCloseWindowAtFirstSessionAfterAGapInSessionNumbers() {
        // window of the rupture at 3 is 4..6; the pair's next session after 4 is 9
        List<SessionObservation> sessions = List.of(answered(1, 30), answered(2, 31), answered(3, 25),
                answered(4, 26), answered(9, 40));

        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), sessions).events();

        assertEquals(List.of("reliable-drop@3", "unrepaired@9"), summary(events));
    }

    @Test
    void shouldTreatSeveralRuptureTypesOnOneSessionAsOneEpisode() {
        // cutoff 28: 30 → 22 at session 4 is below-cutoff, a drop of 8 ≥ 4.9, and a personal drop: earlier
        // {30, 31, 30}: mean 30.333, own sd 0.577 < error SD 1.768, margin 2·1.768·√(4/3) = 4.08 < 8.33
        // 30 at session 5 is within 3.465 of 30.333: one repair of the one rupture
        List<TrendEvent> events = engine.analyse(instrument(5.0, 0.875, 28.0, 1), scores(30, 31, 30, 22, 30))
                .events();

        assertEquals(List.of("below-cutoff@4", "reliable-drop@4", "personal-drop@4", "repair@5"), summary(events));
    }

    @Test
    void shouldTrackRupturesOnDifferentSessionsAsSeparateEpisodes() {
        // drop at 3 (31 → 25, reference 30.5) and again at 4 (25 → 20, reference 28.667); session 4 is also a
        // personal drop: earlier {30, 31, 25} mean 28.667, sd 3.215, margin 2·3.215·√(4/3) = 7.42 < 8.667
        // 26 at 5 repairs only the second episode (2.667 ≤ 3.465); the first closes unrepaired at 6 (3.5 short)
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 20, 26, 27)).events();

        assertEquals(List.of("reliable-drop@3", "reliable-drop@4", "personal-drop@4", "repair@5", "unrepaired@6"),
                summary(events));
        assertEquals(4, events.get(3).detail().get("ruptureSession"));
    }

    @Test
    void shouldNotOpenARuptureForAScoreUnderTheCutoff() {
        // below the cutoff is a concern about the level, not a drop: nothing to repair
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9.referenceSd(), RCI_4_9.reliability(), 20.0, 1),
                scores(18, 19, 20, 20, 20)).events();

        assertEquals(List.of("below-cutoff@1"), summary(events));
    }

    @Test
    void shouldRunNoDropRuleWithoutAnErrorSd() {
        // no reference SD, reliability or within-pair SD: a fall from 35 to 5 is shown, but not judged a rupture
        assertEquals(List.of(), engine.analyse(instrument(null, null, null, 1), scores(35, 35, 35, 35, 5)).events());
    }
}
