package io.rapport.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Series and instruments for the trend tests; sessions are weekly from a fixed instant. */
final class TrendFixtures {

    static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    /** SD = 5, r = 0.875: SE = 5·√0.125 ≈ 1.7678, S_diff = √2·SE = 2.5, threshold = 1.96·2.5 = 4.9. */
    static final ScoreConstants RCI_4_9 = new ScoreConstants(5.0, 0.875, null, 1);

    /**
     * Rules at z 1.96 for drops and k = 2 for personal drops, so the thresholds of these tests are the textbook
     * Jacobson–Truax ones; the defaults are stricter (see the rupture simulation).
     */
    static final Thresholds AT_1_96 = new Thresholds(1.96, 3, 2, 3, 2, 1.96);

    private TrendFixtures() {
    }

    static Instant at(int sessionNumber) {
        return START.plus(Duration.ofDays(7L * (sessionNumber - 1)));
    }

    static InstrumentConstants instrument(ScoreConstants total) {
        return new InstrumentConstants("wai-sr", Direction.BELOW, total, Map.of());
    }

    static InstrumentConstants instrument(Double referenceSd, Double reliability, Double cutoff, double step) {
        return instrument(new ScoreConstants(referenceSd, reliability, cutoff, step));
    }

    /** Answered sessions 1..n with the given totals. */
    static List<SessionObservation> scores(double... totals) {
        List<SessionObservation> sessions = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            sessions.add(SessionObservation.answered(i + 1, at(i + 1), totals[i], Map.of()));
        }
        return sessions;
    }

    static SessionObservation answered(int sessionNumber, double total) {
        return SessionObservation.answered(sessionNumber, at(sessionNumber), total, Map.of());
    }

    static SessionObservation expired(int sessionNumber) {
        return SessionObservation.expired(sessionNumber, at(sessionNumber));
    }

    static SessionObservation open(int sessionNumber) {
        return SessionObservation.open(sessionNumber, at(sessionNumber));
    }

    static SessionObservation unassigned(int sessionNumber) {
        return SessionObservation.unassigned(sessionNumber, at(sessionNumber));
    }

    /** "type@session" of each event, for compact assertions on the sequence of events. */
    static List<String> summary(List<TrendEvent> events) {
        return events.stream().map(e -> e.type() + "@" + e.sessionNumber()).toList();
    }
}
