package io.rapport.trend;

import java.util.List;

import org.apache.commons.math3.distribution.FDistribution;

/**
 * Cronbach's alpha with Feldt's confidence interval.
 * <p>
 * Feldt (1965), Psychometrika 30(3), 357–370: (1 − α) / (1 − α̂) follows F with (N − 1) and (N − 1)(k − 1) degrees of
 * freedom, so the 1 − γ interval is [1 − (1 − α̂)·F(1 − γ/2), 1 − (1 − α̂)·F(γ/2)].
 */
public final class Reliability {

    /** α, its interval, and the N subjects and k items it came from. */
    public record Alpha(double alpha, double lower95, double upper95, int subjects, int items) {
    }

    private Reliability() {
    }

    /**
     * @param rows one row per subject, each with the same k ≥ 2 reverse-keyed item values
     * @return null when there are fewer than 3 subjects, fewer than 2 items, or no variance in the totals
     */
    public static Alpha cronbach(List<double[]> rows) {
        int n = rows.size();
        if (n < 3) {
            return null;
        }
        int k = rows.get(0).length;
        if (k < 2) {
            return null;
        }
        double[] totals = new double[n];
        double itemVariances = 0;
        for (int item = 0; item < k; item++) {
            double[] column = new double[n];
            for (int subject = 0; subject < n; subject++) {
                double[] row = rows.get(subject);
                if (row.length != k) {
                    throw new IllegalArgumentException("every row needs " + k + " items");
                }
                column[subject] = row[item];
                totals[subject] += row[item];
            }
            itemVariances += variance(column);
        }
        double totalVariance = variance(totals);
        if (!(totalVariance > 0)) {
            return null;
        }
        return feldt(k / (k - 1.0) * (1 - itemVariances / totalVariance), n, k);
    }

    /**
     * Feldt's 95 % interval around an alpha already computed (from rows or from a covariance matrix).
     *
     * @param n subjects, at least 3
     * @param k items, at least 2
     */
    public static Alpha feldt(double alpha, int n, int k) {
        if (n < 3 || k < 2) {
            throw new IllegalArgumentException("Feldt's interval needs at least 3 subjects and 2 items");
        }
        FDistribution f = new FDistribution(n - 1.0, (n - 1.0) * (k - 1.0));
        double lower = 1 - (1 - alpha) * f.inverseCumulativeProbability(0.975);
        double upper = 1 - (1 - alpha) * f.inverseCumulativeProbability(0.025);
        return new Alpha(alpha, lower, upper, n, k);
    }

    /**
     * Alpha as the reliability of the standard error of measurement: clipped to [0, 1]. A negative alpha (items that
     * disagree more than chance) says no more than 0.
     */
    public static double asReliability(double alpha) {
        return Math.max(0, Math.min(1, alpha));
    }

    /** Sample variance (n − 1). */
    static double variance(double[] values) {
        RunningStats stats = new RunningStats();
        for (double v : values) {
            stats.add(v);
        }
        Double sd = stats.sampleSd();
        return sd == null ? 0 : sd * sd;
    }
}
