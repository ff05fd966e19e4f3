package io.rapport.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Norms of one score computed from an organization's own pairs.
 * <p>
 * The reference sample is each pair's first scored response: one per pair, so the observations are independent, and
 * taken before the therapy shaped the alliance much. Its mean and SD, and Cronbach's alpha of the same responses'
 * items, give the standard error of measurement SD·√(1 − α) (Jacobson & Truax, 1991, J Consult Clin Psychol 59(1),
 * 12–19). The within-pair SD pools every pair with at least two scores: √(Σ squared deviations from the pair's own
 * mean / Σ (n − 1)).
 * <p>
 * The drop rules use a robust session-to-session SD instead: the median absolute difference between consecutive
 * scores of a pair, over all pairs, divided by √2 · 0.6745 (for normal noise, a difference has SD √2·σ and its median
 * absolute value is 0.6745 times that). Scores lie on a grid of the scale's step, so the median is the grouped one
 * (interpolated within the class of width one step that holds it); a plain median of integer differences jumps
 * between whole steps. Ruptures and slow trends inflate the pooled within-pair SD, which would hide the very
 * ruptures it is meant to find; they are a minority of the differences, so they barely move the median (rupture
 * simulation: 2.71 pooled against 1.5 true noise with half of the pairs ruptured).
 */
public final class LocalNorms {

    /** One scored response of a pair, in session order; {@code items} is null when an item of the scale is absent. */
    public record Observation(double score, double[] items) {
    }

    /**
     * What the data gave; any statistic is null when the data cannot give it.
     *
     * @param pairs pairs with at least one score
     * @param responses scores used
     * @param mean mean of the reference sample
     * @param sd SD of the reference sample
     * @param withinSd pooled within-pair SD
     * @param withinDf its degrees of freedom, Σ (n − 1)
     * @param noiseSd robust session-to-session SD from the median absolute successive difference
     * @param differences successive differences noiseSd came from
     * @param alpha Cronbach's alpha of the reference sample, with its Feldt 95 % interval
     * @param sem standard error of measurement, sd · √(1 − α)
     */
    public record Estimate(int pairs, int responses, Double mean, Double sd, Double withinSd, int withinDf,
            Double noiseSd, int differences, Reliability.Alpha alpha, Double sem) {

        /** Jacobson–Truax threshold z · √2 · SEM, or null. */
        public Double reliableChangeThreshold(double z) {
            return sem == null ? null : z * Math.sqrt(2) * sem;
        }
    }

    /** Median of |Z| for a standard normal Z: Φ⁻¹(0.75). */
    static final double MEDIAN_ABSOLUTE_NORMAL = 0.6744897501960817;

    private LocalNorms() {
    }

    /**
     * @param pairs each pair's scored responses in session order; pairs without any are skipped
     * @param step the smallest change the score can show
     */
    public static Estimate estimate(List<List<Observation>> pairs, double step) {
        Accumulator accumulator = new Accumulator(step);
        pairs.forEach(accumulator::add);
        return accumulator.estimate();
    }

    /**
     * The same estimate, one pair at a time, so that a caller can stream an organization's responses: it keeps
     * each pair's first response and running sums, and the successive differences as counts on the score's grid,
     * never the responses themselves.
     */
    public static final class Accumulator {

        private final double step;
        private final RunningStats reference = new RunningStats();
        private final List<double[]> referenceItems = new ArrayList<>();
        private final TreeMap<Long, Integer> differenceCounts = new TreeMap<>();
        private double squaredDeviations;
        private int withinDf;
        private int pairCount;
        private int responses;
        private int differences;

        /** @param step the smallest change the score can show */
        public Accumulator(double step) {
            this.step = step;
        }

        /** One pair's scored responses in session order; a pair without any is skipped. */
        public void add(List<Observation> pair) {
            if (pair.isEmpty()) {
                return;
            }
            pairCount++;
            responses += pair.size();
            Observation first = pair.get(0);
            reference.add(first.score());
            if (first.items() != null) {
                referenceItems.add(first.items());
            }
            if (pair.size() >= 2) {
                RunningStats own = new RunningStats();
                pair.forEach(o -> own.add(o.score()));
                double sd = own.sampleSd();
                squaredDeviations += sd * sd * (own.n() - 1);
                withinDf += own.n() - 1;
                for (int i = 1; i < pair.size(); i++) {
                    differenceCounts.merge(Math.round(Math.abs(pair.get(i).score() - pair.get(i - 1).score()) / step),
                            1, Integer::sum);
                    differences++;
                }
            }
        }

        public Estimate estimate() {
            Double withinSd = withinDf == 0 ? null : Math.sqrt(squaredDeviations / withinDf);
            Reliability.Alpha alpha = sameLength(referenceItems) ? Reliability.cronbach(referenceItems) : null;
            Double sd = reference.sampleSd();
            Double sem = alpha == null || sd == null ? null
                    : sd * Math.sqrt(1 - Reliability.asReliability(alpha.alpha()));
            Double noiseSd = differences == 0 ? null
                    : groupedMedian(differenceCounts, differences, step) / (Math.sqrt(2) * MEDIAN_ABSOLUTE_NORMAL);
            return new Estimate(pairCount, responses, reference.mean(), sd, withinSd, withinDf, noiseSd, differences,
                    alpha, sem);
        }
    }

    /**
     * The median of non-negative values on a grid of {@code step}, interpolated within its class: value v stands for
     * [v − step/2, v + step/2), and 0 for [0, step/2).
     */
    static double groupedMedian(List<Double> values, double step) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (double v : values) {
            counts.merge(Math.round(v / step), 1, Integer::sum);
        }
        return groupedMedian(counts, values.size(), step);
    }

    /** The same from the count of values in each class (class k stands for k · step), {@code n} in all. */
    private static double groupedMedian(TreeMap<Long, Integer> counts, int n, double step) {
        double half = n / 2.0;
        int below = 0;
        for (var entry : counts.entrySet()) {
            long k = entry.getKey();
            int f = entry.getValue();
            if (below + f >= half) {
                double lower = k == 0 ? 0 : (k - 0.5) * step;
                double width = k == 0 ? step / 2 : step;
                return lower + (half - below) / f * width;
            }
            below += f;
        }
        throw new IllegalStateException("no median of an empty list");
    }

    private static boolean sameLength(List<double[]> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.length == rows.get(0).length);
    }
}
