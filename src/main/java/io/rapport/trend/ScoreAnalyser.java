package io.rapport.trend;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Single pass over a pair's sessions for one score: statistics, ruptures and their repair. */
final class ScoreAnalyser {

    private final Thresholds thresholds;
    private final Direction direction;
    private final ScoreConstants constants;
    private final Double rciThreshold;

    ScoreAnalyser(Thresholds thresholds, Direction direction, ScoreConstants constants) {
        this.thresholds = thresholds;
        this.direction = direction;
        this.constants = constants;
        this.rciThreshold = constants.reliableChangeThreshold(thresholds.rciZ());
    }

    /** A rupture awaiting repair: mutable, but local to one call of {@link #analyse}. */
    private static final class Episode {
        final int ruptureSession;
        final int windowEnd;
        final double reference;
        boolean awaitingAnswer;

        Episode(int ruptureSession, int windowEnd, double reference) {
            this.ruptureSession = ruptureSession;
            this.windowEnd = windowEnd;
            this.reference = reference;
        }
    }

    ScoreTrend analyse(List<SessionObservation> sessions, Function<SessionObservation, Double> score) {
        RunningStats stats = new RunningStats();
        LinearTrend trend = new LinearTrend();
        List<TrendEvent> events = new ArrayList<>();
        List<Episode> episodes = new ArrayList<>();
        Double first = null;
        Double previous = null;
        Double latest = null;
        for (SessionObservation session : sessions) {
            Double value = session.isAnswered() ? score.apply(session) : null;
            resolveEpisodes(episodes, session, value, events);
            if (value == null) {
                continue;
            }
            int sessionNumber = session.sessionNumber();
            if (detectRuptures(sessionNumber, value, latest, stats, events)) {
                Double reference = latest != null ? latest : constants.cutoff();
                episodes.add(new Episode(sessionNumber, sessionNumber + thresholds.repairWindow(), reference));
            }
            stats.add(value);
            trend.add(sessionNumber, value);
            if (first == null) {
                first = value;
            }
            previous = latest;
            latest = value;
        }
        return new ScoreTrend(stats.n(), stats.mean(), stats.sampleSd(), trend.slope(), trend.slopeCi95(),
                reliableChange(first, previous, latest), cutoffPosition(latest), List.copyOf(events));
    }

    /**
     * The window is the next {@code repairWindow} session numbers, answered or not. It closes at the first session at or
     * after its end, unless an assignment inside it is still open: a late answer could still repair, so it stays open.
     */
    private void resolveEpisodes(List<Episode> episodes, SessionObservation session, Double value,
            List<TrendEvent> events) {
        int sessionNumber = session.sessionNumber();
        for (Iterator<Episode> it = episodes.iterator(); it.hasNext();) {
            Episode episode = it.next();
            if (sessionNumber <= episode.windowEnd) {
                if (value != null && !direction.isConcerning(value, episode.reference)) {
                    events.add(TrendEvent.of(EventType.REPAIR, sessionNumber, "score", value, "reference",
                            episode.reference, "ruptureSession", episode.ruptureSession));
                    it.remove();
                    continue;
                }
                episode.awaitingAnswer |= session.status() == AssignmentStatus.OPEN;
            }
            if (sessionNumber >= episode.windowEnd && !episode.awaitingAnswer) {
                events.add(TrendEvent.of(EventType.UNREPAIRED, sessionNumber, "reference", episode.reference,
                        "ruptureSession", episode.ruptureSession, "windowEnd", episode.windowEnd));
                it.remove();
            }
        }
    }

    /** Adds the rupture events of this score; true when any fired, since they form one episode. */
    private boolean detectRuptures(int sessionNumber, double value, Double previous, RunningStats earlier,
            List<TrendEvent> events) {
        int before = events.size();
        Double cutoff = constants.cutoff();
        if (cutoff != null && direction.isConcerning(value, cutoff)
                && (previous == null || !direction.isConcerning(previous, cutoff))) {
            events.add(previous == null
                    ? TrendEvent.of(EventType.BELOW_CUTOFF, sessionNumber, "score", value, "cutoff", cutoff)
                    : TrendEvent.of(EventType.BELOW_CUTOFF, sessionNumber, "score", value, "previous", previous,
                            "cutoff", cutoff));
        }
        if (previous != null && rciThreshold != null) {
            double drop = direction.worsening(previous, value);
            // drop > 0 keeps a zero threshold (SD 0 or r = 1) from flagging an unchanged score.
            if (drop > Tolerance.EPSILON && Tolerance.atLeast(drop, rciThreshold)) {
                events.add(TrendEvent.of(EventType.RELIABLE_DROP, sessionNumber, "score", value, "previous",
                        previous, "drop", drop, "threshold", rciThreshold));
            }
        }
        if (earlier.n() >= thresholds.personalDropMinEarlier()) {
            double mean = earlier.mean();
            double sd = earlier.sampleSd();
            double shortfall = direction.worsening(mean, value);
            if (shortfall > thresholds.personalDropSdMultiplier() * sd + Tolerance.EPSILON
                    && Tolerance.atLeast(shortfall, constants.step())) {
                events.add(TrendEvent.of(EventType.PERSONAL_DROP, sessionNumber, "score", value, "mean", mean, "sd",
                        sd, "shortfall", shortfall, "sdMultiplier", thresholds.personalDropSdMultiplier(), "step",
                        constants.step()));
            }
        }
        return events.size() > before;
    }

    private ReliableChange reliableChange(Double first, Double previous, Double latest) {
        Double fromFirst = previous == null ? null : latest - first;
        Double fromPrevious = previous == null ? null : latest - previous;
        return new ReliableChange(rciThreshold, fromFirst, fromPrevious, isReliable(fromFirst),
                isReliable(fromPrevious));
    }

    private Boolean isReliable(Double delta) {
        if (delta == null || rciThreshold == null) {
            return null;
        }
        return Tolerance.atLeast(Math.abs(delta), rciThreshold);
    }

    private CutoffPosition cutoffPosition(Double latest) {
        Double cutoff = constants.cutoff();
        if (cutoff == null || latest == null) {
            return null;
        }
        return new CutoffPosition(cutoff, direction, latest, latest - cutoff, direction.isConcerning(latest, cutoff));
    }
}
