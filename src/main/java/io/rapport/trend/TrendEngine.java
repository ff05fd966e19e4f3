package io.rapport.trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Analyses a pair's questionnaire series. Immutable and stateless between calls, hence thread-safe; each analysis is a
 * single pass over the sessions per score (O(n · repair window)).
 */
public final class TrendEngine {

    private final Thresholds thresholds;

    public TrendEngine(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public TrendEngine() {
        this(Thresholds.DEFAULTS);
    }

    /** Trend of one pair on one instrument; {@code sessions} are all the pair's sessions, in any order. */
    public PairTrend analyse(InstrumentConstants instrument, List<SessionObservation> sessions) {
        List<SessionObservation> ordered = inSessionOrder(sessions);
        ScoreTrend total = new ScoreAnalyser(thresholds, instrument.concernWhen(), instrument.total())
                .analyse(ordered, SessionObservation::total);

        Map<String, ScoreTrend> subscales = new LinkedHashMap<>();
        for (String name : subscaleNames(instrument, ordered)) {
            subscales.put(name, new ScoreAnalyser(thresholds, instrument.concernWhen(), instrument.subscale(name))
                    .analyse(ordered, session -> session.subscales().get(name)));
        }

        List<TrendEvent> events = new ArrayList<>(total.events());
        events.addAll(noResponse(ordered));
        events.sort(Comparator.comparingInt(TrendEvent::sessionNumber));

        List<Point> points = ordered.stream().filter(SessionObservation::isAnswered)
                .map(s -> new Point(s.sessionNumber(), s.occurredAt(), s.total(), s.subscales())).toList();
        return new PairTrend(instrument.questionnaireId(), points, total.n(), total.mean(), total.sd(), total.slope(),
                total.slopeCi95(), total.reliableChange(), total.cutoffPosition(), List.copyOf(events),
                Collections.unmodifiableMap(subscales));
    }

    /**
     * Split alliance of raters sharing sessions with the same therapist, on the total. A session counts as shared when
     * at least two raters have a scored total for it; the difference is max − min of those totals.
     */
    public SplitAlliance split(InstrumentConstants instrument, Map<String, List<SessionObservation>> seriesByRater) {
        Map<Integer, Map<String, Double>> scoresBySession = new TreeMap<>();
        Map<Integer, Instant> occurredAt = new TreeMap<>();
        for (Map.Entry<String, List<SessionObservation>> rater : new TreeMap<>(seriesByRater).entrySet()) {
            for (SessionObservation session : rater.getValue()) {
                if (session.isAnswered() && session.total() != null) {
                    scoresBySession.computeIfAbsent(session.sessionNumber(), k -> new TreeMap<>())
                            .put(rater.getKey(), session.total());
                    occurredAt.putIfAbsent(session.sessionNumber(), session.occurredAt());
                }
            }
        }

        Double threshold = instrument.total().reliableChangeThreshold(thresholds.rciZ());
        List<SplitPoint> points = new ArrayList<>();
        List<TrendEvent> events = new ArrayList<>();
        RunningStats stats = new RunningStats();
        LinearTrend trend = new LinearTrend();
        for (Map.Entry<Integer, Map<String, Double>> entry : scoresBySession.entrySet()) {
            Map<String, Double> scores = entry.getValue();
            if (scores.size() < 2) {
                continue;
            }
            int sessionNumber = entry.getKey();
            double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double difference = max - min;
            // Same convention as the RCI: reaching the threshold counts; a zero difference never does.
            boolean split = threshold != null && difference > Tolerance.EPSILON
                    && Tolerance.atLeast(difference, threshold);
            points.add(new SplitPoint(sessionNumber, occurredAt.get(sessionNumber), difference, Maps.sortedCopy(scores),
                    split));
            if (split) {
                events.add(TrendEvent.of(EventType.SPLIT_ALLIANCE, sessionNumber, "difference", difference,
                        "threshold", threshold, "max", max, "min", min));
            }
            stats.add(difference);
            trend.add(sessionNumber, difference);
        }
        return new SplitAlliance(instrument.questionnaireId(), List.copyOf(points), threshold, stats.mean(),
                trend.slope(), trend.slopeCi95(), List.copyOf(events));
    }

    /**
     * Raised once per run, when the run reaches the configured length. Sessions without an assignment neither extend
     * nor break a run; an answered or still open assignment breaks it.
     */
    private List<TrendEvent> noResponse(List<SessionObservation> ordered) {
        List<TrendEvent> events = new ArrayList<>();
        int run = 0;
        int runStart = 0;
        for (SessionObservation session : ordered) {
            switch (session.status()) {
                case EXPIRED -> {
                    run++;
                    if (run == 1) {
                        runStart = session.sessionNumber();
                    }
                    if (run == thresholds.noResponseExpiries()) {
                        events.add(TrendEvent.of(EventType.NO_RESPONSE, session.sessionNumber(),
                                "consecutiveExpired", run, "firstExpiredSession", runStart));
                    }
                }
                case ANSWERED, OPEN -> run = 0;
                case NONE -> {
                }
            }
        }
        return events;
    }

    private static List<SessionObservation> inSessionOrder(List<SessionObservation> sessions) {
        List<SessionObservation> ordered = new ArrayList<>(sessions == null ? List.of() : sessions);
        ordered.sort(Comparator.comparingInt(SessionObservation::sessionNumber));
        return ordered;
    }

    private static TreeSet<String> subscaleNames(InstrumentConstants instrument, List<SessionObservation> sessions) {
        TreeSet<String> names = new TreeSet<>(instrument.subscales().keySet());
        for (SessionObservation session : sessions) {
            if (session.isAnswered()) {
                names.addAll(session.subscales().keySet());
            }
        }
        return names;
    }
}
