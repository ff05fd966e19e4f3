package io.rapport.perspective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Empathic accuracy (issue 16): how far the therapist's prediction of the client's rating lies from the client's
 * actual rating of the same session. Pure: no framework, tested with plain JUnit.
 */
public final class PerspectiveGap {

    /** The scale key of the total; subscales keep their names, items are {@code item <id>}. */
    public static final String TOTAL = "total";
    public static final String ITEM = "item ";

    /** One scale's gap: {@code signed} = predicted − actual, so positive means the therapist over-estimated. */
    public record Gap(String scale, double predicted, double actual) {

        public double signed() {
            return predicted - actual;
        }

        public double absolute() {
            return Math.abs(signed());
        }
    }

    /**
     * A therapist's or an organization's accuracy over pairs. Each pair counts once, with the mean of its sessions'
     * gaps, because sessions of one pair are not independent. The intervals are Student's t over pairs; null below
     * two pairs.
     */
    public record Summary(int pairs, int sessions, Double meanAbsolute, List<Double> absoluteCi95, Double meanSigned,
            List<Double> signedCi95) {
    }

    /** One pair's sessions with both ratings: their signed total gaps. */
    public record PairGaps(Object pair, List<Double> signedGaps) {
    }

    private PerspectiveGap() {
    }

    /**
     * The gaps on every scale both sides have: the total first, then subscales, then items, each in name order.
     * Scales either side lacks (unscored, not applicable) are left out.
     */
    public static List<Gap> between(Map<String, Double> predicted, Map<String, Double> actual) {
        List<Gap> gaps = new ArrayList<>();
        Map<String, Double> subscales = new TreeMap<>();
        Map<String, Double> items = new TreeMap<>(PerspectiveGap::byItemNumber);
        predicted.forEach((scale, value) -> {
            if (value == null || actual.get(scale) == null) {
                return;
            }
            if (scale.equals(TOTAL)) {
                gaps.add(new Gap(TOTAL, value, actual.get(TOTAL)));
            } else if (scale.startsWith(ITEM)) {
                items.put(scale, value);
            } else {
                subscales.put(scale, value);
            }
        });
        subscales.forEach((scale, value) -> gaps.add(new Gap(scale, value, actual.get(scale))));
        items.forEach((scale, value) -> gaps.add(new Gap(scale, value, actual.get(scale))));
        return gaps;
    }

    /**
     * Whether a total gap is an event ({@code perspective-gap}): at least the reliable-change threshold of the
     * client's instrument. Never without a threshold: the gap is then shown, but no number says it is large.
     */
    public static boolean isEvent(double signedGap, Double threshold) {
        return threshold != null && Math.abs(signedGap) >= threshold;
    }

    public static Summary summarize(List<PairGaps> pairs) {
        List<Double> absolute = new ArrayList<>();
        List<Double> signed = new ArrayList<>();
        int sessions = 0;
        for (PairGaps pair : pairs) {
            if (pair.signedGaps().isEmpty()) {
                continue;
            }
            sessions += pair.signedGaps().size();
            signed.add(mean(pair.signedGaps()));
            absolute.add(mean(pair.signedGaps().stream().map(Math::abs).toList()));
        }
        if (signed.isEmpty()) {
            return new Summary(0, 0, null, null, null, null);
        }
        return new Summary(signed.size(), sessions, mean(absolute), ci95(absolute), mean(signed), ci95(signed));
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** Mean ± t(0.975, n − 1) · s / √n; null for fewer than two values. */
    static List<Double> ci95(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return null;
        }
        double mean = mean(values);
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1))
                / Math.sqrt(n);
        return List.of(mean - half, mean + half);
    }

    /** Items by number where both ids are numbers ("item 2" before "item 10"), else by text. */
    private static int byItemNumber(String a, String b) {
        String x = a.substring(ITEM.length());
        String y = b.substring(ITEM.length());
        if (x.matches("\\d+") && y.matches("\\d+")) {
            return Integer.compare(Integer.parseInt(x), Integer.parseInt(y));
        }
        return x.compareTo(y);
    }
}
