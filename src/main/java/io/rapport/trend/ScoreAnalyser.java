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
    /** The noise drops are judged against; null turns the drop rules off. */
    private final Double errorSd;

    ScoreAnalyser(Thresholds thresholds, Direction direction, ScoreConstants constants) {
        this.thresholds = thresholds;
        this.direction = direction;
        this.constants = constants;
        this.rciThreshold = constants.reliableChangeThreshold(thresholds.rciZ());
        this.errorSd = constants.errorSd();
    }

    /** A rupture awaiting repair: mutable, but local to one call of {@link #analyse}. */
    private static final class Episode {
        final int ruptureSession;
        final int windowEnd;
        final double reference;
        final double margin;
        boolean awaitingAnswer;

        Episode(int ruptureSession, int windowEnd, double reference, double margin) {
            this.ruptureSession = ruptureSession;
            this.windowEnd = windowEnd;
            this.reference = reference;
            this.margin = margin;
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
            belowCutoff(sessionNumber, value, latest, events);
            if (detectDrops(sessionNumber, value, latest, stats, events)) {
                // Repaired once the score is back within rciZ error SDs of the level before the rupture.
                episodes.add(new Episode(sessionNumber, sessionNumber + thresholds.repairWindow(), stats.mean(),
                        thresholds.rciZ() * errorSd));
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
                if (value != null && direction.worsening(episode.reference, value) <= episode.margin + Tolerance.EPSILON) {
                    events.add(TrendEvent.of(EventType.REPAIR, sessionNumber, "score", value, "reference",
                            episode.reference, "margin", episode.margin, "ruptureSession", episode.ruptureSession));
                    it.remove();
                    continue;
                }
                episode.awaitingAnswer |= session.status() == AssignmentStatus.OPEN;
            }
            if (sessionNumber >= episode.windowEnd && !episode.awaitingAnswer) {
                events.add(TrendEvent.of(EventType.UNREPAIRED, sessionNumber, "reference", episode.reference,
                        "margin", episode.margin, "ruptureSession", episode.ruptureSession, "windowEnd",
                        episode.windowEnd));
                it.remove();
            }
        }
    }

    /** A score crossing the cutoff is a concern about the level, not a rupture: it opens no repair window. */
    private void belowCutoff(int sessionNumber, double value, Double previous, List<TrendEvent> events) {
        Double cutoff = constants.cutoff();
        if (cutoff != null && direction.isConcerning(value, cutoff)
                && (previous == null || !direction.isConcerning(previous, cutoff))) {
            events.add(previous == null
                    ? TrendEvent.of(EventType.BELOW_CUTOFF, sessionNumber, "score", value, "cutoff", cutoff)
                    : TrendEvent.of(EventType.BELOW_CUTOFF, sessionNumber, "score", value, "previous", previous,
                            "cutoff", cutoff));
        }
    }

    /**
     * Adds the drop events of this score; true when any fired, since they form one rupture. Both rules judge the drop
     * against the error SD, never against the pair's own SD alone, so a pair at the ceiling with no variance does not
     * turn a one-point dip into a rupture.
     */
    private boolean detectDrops(int sessionNumber, double value, Double previous, RunningStats earlier,
            List<TrendEvent> events) {
        if (errorSd == null) {
            return false;
        }
        int before = events.size();
        if (previous != null) {
            double drop = direction.worsening(previous, value);
            double threshold = thresholds.reliableDropZ() * Math.sqrt(2) * errorSd;
            // drop > 0 keeps a zero threshold from flagging an unchanged score.
            if (drop > Tolerance.EPSILON && Tolerance.atLeast(drop, threshold)
                    && Tolerance.atLeast(drop, constants.step())) {
                events.add(TrendEvent.of(EventType.RELIABLE_DROP, sessionNumber, "score", value, "previous",
                        previous, "drop", drop, "threshold", threshold, "z", thresholds.reliableDropZ(), "errorSd",
                        errorSd, "errorSdBasis", constants.errorSdBasis()));
            }
        }
        if (earlier.n() >= thresholds.personalDropMinEarlier()) {
            double mean = earlier.mean();
            double ownSd = earlier.sampleSd();
            double sd = Math.max(ownSd, errorSd);
            // The spread of one new score around a mean of n earlier ones: sd · √(1 + 1/n).
            double margin = thresholds.personalDropSdMultiplier() * sd * Math.sqrt(1 + 1.0 / earlier.n());
            double shortfall = direction.worsening(mean, value);
            if (shortfall > margin + Tolerance.EPSILON && Tolerance.atLeast(shortfall, constants.step())) {
                events.add(TrendEvent.of(EventType.PERSONAL_DROP, sessionNumber, "score", value, "mean", mean,
                        "earlierScores", earlier.n(), "ownSd", ownSd, "sd", sd, "margin", margin, "shortfall",
                        shortfall, "sdMultiplier", thresholds.personalDropSdMultiplier(), "errorSd", errorSd,
                        "errorSdBasis", constants.errorSdBasis(), "step", constants.step()));
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
