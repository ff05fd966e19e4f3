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

    private final TrendEngine engine = new TrendEngine();

    @Test
    void shouldRepairWhenScoreReturnsToPreRuptureLevelWithinWindow() {
        // 31 → 25 is a drop of 6 ≥ 4.9 at session 3; reference = 31; window = sessions 4..6; 31 at session 5 repairs
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 28, 31)).events();

        assertEquals(List.of("reliable-drop@3", "repair@5"), summary(events));
        assertEquals(31.0, events.get(1).detail().get("reference"));
        assertEquals(3, events.get(1).detail().get("ruptureSession"));
    }

    @Test
    void shouldEmitUnrepairedAtSessionClosingTheWindow() {
        // drop 31 → 25 at session 3; 27, 28, 29 at sessions 4..6 stay under 31; 35 at session 7 is too late
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 27, 28, 29, 35)).events();

        assertEquals(List.of("reliable-drop@3", "unrepaired@6"), summary(events));
        assertEquals(6, events.get(1).detail().get("windowEnd"));
    }

    @Test
    void shouldKeepRuptureOpenWhileWindowHasNotPassed() {
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 27, 28)).events();

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
                answered(4, 27), open(5), answered(6, 28));

        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), sessions).events();

        assertEquals(List.of("reliable-drop@3"), summary(events));
    }

    @Test
    void shouldCloseWindowAtFirstSessionAfterAGapInSessionNumbers() {
        // window of the rupture at 3 is 4..6; the pair's next session after 4 is 9
        List<SessionObservation> sessions = List.of(answered(1, 30), answered(2, 31), answered(3, 25),
                answered(4, 27), answered(9, 40));

        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), sessions).events();

        assertEquals(List.of("reliable-drop@3", "unrepaired@9"), summary(events));
    }

    @Test
    void shouldTreatSeveralRuptureTypesOnOneSessionAsOneEpisode() {
        // cutoff 28: 30 → 22 at session 4 is below-cutoff, a drop of 8 ≥ 4.9, and a personal drop:
        // earlier {30, 31, 30}: mean 30.333, sd = √((0.111 + 0.444 + 0.111) / 2) = 0.577; 30.333 − 22 = 8.33 > 1.15
        // 30 at session 5 reaches the reference (30): one repair
        List<TrendEvent> events = engine.analyse(instrument(5.0, 0.875, 28.0, 1), scores(30, 31, 30, 22, 30))
                .events();

        assertEquals(List.of("below-cutoff@4", "reliable-drop@4", "personal-drop@4", "repair@5"), summary(events));
    }

    @Test
    void shouldTrackRupturesOnDifferentSessionsAsSeparateEpisodes() {
        // drop at 3 (31 → 25, reference 31) and again at 4 (25 → 20, reference 25); session 4 is also a personal
        // drop: earlier {30, 31, 25} mean 28.667, sd 3.215, 28.667 − 20 = 8.667 > 6.43
        // 26 at 5 repairs only the second episode; the first closes unrepaired at 6 (27 < 31)
        List<TrendEvent> events = engine.analyse(instrument(RCI_4_9), scores(30, 31, 25, 20, 26, 27)).events();

        assertEquals(List.of("reliable-drop@3", "reliable-drop@4", "personal-drop@4", "repair@5", "unrepaired@6"),
                summary(events));
        assertEquals(4, events.get(3).detail().get("ruptureSession"));
    }

    @Test
    void shouldRepairFirstScoreUnderCutoffWhenScoreReachesCutoff() {
        // no earlier score, so the reference is the cutoff (20): 19 does not repair, 20 at session 3 does
        List<TrendEvent> events = engine.analyse(instrument(null, null, 20.0, 1), scores(18, 19, 20)).events();

        assertEquals(List.of("below-cutoff@1", "repair@3"), summary(events));
        assertEquals(20.0, events.get(1).detail().get("reference"));
    }
}
