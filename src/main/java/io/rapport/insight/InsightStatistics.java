package io.rapport.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.util.FastMath;

import io.rapport.trend.Reliability;

/**
 * The statistics of the insight pages, pure: SQL hands over sums, this class turns them into means with intervals,
 * alpha with item–rest correlations, and shrunken therapist estimates. No framework, no database.
 */
public final class InsightStatistics {

    /** A mean with its sample SD and Student's t 95 % interval; the interval is null below 2 values. */
    public record MeanCi(long n, double mean, Double sd, Double lower95, Double upper95) {
    }

    /**
     * Alpha of one scale with Feldt's interval, the corrected item–total (item–rest) correlation of each item, and
     * whether the interval's lower end is below {@code flagBelow}.
     */
    public record ScaleReliability(long n, int items, Double alpha, Double lower95, Double upper95,
            List<Double> itemRest, boolean flagged) {
    }

    /**
     * Pearson's r of {@code n} pairs of values with its 95 % interval by Fisher's z; r is null when either value
     * does not vary (or n &lt; 2), the interval null below 4 pairs (its standard error is 1 / √(n − 3)).
     */
    public record Correlation(long n, Double r, Double lower95, Double upper95) {
    }

    /** One group (a therapist) of pair-level values: how many, their mean and sample variance. */
    public record Group(String key, long n, double mean, double variance) {
    }

    /** A group's raw mean pulled toward the organization by its weight {@code 1 − shrinkage}. */
    public record Shrunk(String key, double raw, double estimate, double shrinkage) {
    }

    private InsightStatistics() {
    }

    /**
     * Mean ± t(0.975, n − 1) · s / √n, Student (1908), "The probable error of a mean", Biometrika 6(1), 1–25.
     *
     * @return null when n is 0
     */
    public static MeanCi meanCi(long n, double sum, double sumOfSquares) {
        if (n <= 0) {
            return null;
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanCi(n, mean, null, null, null);
        }
        double sd = Math.sqrt(variance(n, sum, sumOfSquares));
        double half = new TDistribution(n - 1.0).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new MeanCi(n, mean, sd, mean - half, mean + half);
    }

    /**
     * Pearson's product-moment r from sums, r = S_xy / √(S_xx · S_yy) with S_xy = Σxy − Σx Σy / n, and its 95 %
     * interval tanh(atanh r ± z(0.975) / √(n − 3)) (Fisher 1921, "On the 'probable error' of a coefficient of
     * correlation deduced from a small sample", Metron 1, 3–32). At r = ±1 atanh is infinite and the interval is
     * that single value, its limit.
     */
    public static Correlation pearson(long n, double sumX, double sumY, double sumOfSquaresX,
            double sumOfSquaresY, double sumOfProducts) {
        if (n < 2) {
            return new Correlation(Math.max(n, 0), null, null, null);
        }
        double sxx = sumOfSquaresX - sumX * sumX / n;
        double syy = sumOfSquaresY - sumY * sumY / n;
        double sxy = sumOfProducts - sumX * sumY / n;
        // Relative to the squares, so that rounding of equal values is not taken for variance.
        if (!(sxx > 1e-12 * Math.max(1, sumOfSquaresX)) || !(syy > 1e-12 * Math.max(1, sumOfSquaresY))) {
            return new Correlation(n, null, null, null);
        }
        // Rounding can carry a perfect correlation just past ±1.
        double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        if (n < 4) {
            return new Correlation(n, r, null, null);
        }
        double z = FastMath.atanh(r);
        double half = new NormalDistribution().inverseCumulativeProbability(0.975) / Math.sqrt(n - 3.0);
        return new Correlation(n, r, FastMath.tanh(z - half), FastMath.tanh(z + half));
    }

    /** Sample variance (n − 1) from the sum and the sum of squares, never below 0 (rounding). */
    static double variance(long n, double sum, double sumOfSquares) {
        return Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1));
    }

    /**
     * Alpha from the items' sums and cross-product sums, so that the responses stay in the database. With the
     * sample covariance matrix C of the k keyed items: α = k / (k − 1) · (1 − Σ C_ii / Σ C_ij) (Cronbach 1951,
     * Psychometrika 16(3), 297–334), the same value {@link Reliability#cronbach} computes from rows, with
     * {@link Reliability#feldt Feldt's} interval. The item–rest correlation of item i is the Pearson correlation
     * of the item with the sum of the other items, cov(x_i, T − x_i) / √(var x_i · var(T − x_i)), the "corrected
     * item–total correlation" of Nunnally &amp; Bernstein (1994), Psychometric Theory, 3rd ed.; null for an item
     * or rest without variance.
     *
     * @param n responses (subjects)
     * @param sums Σ x_i of the raw answers
     * @param crossSums Σ x_i x_j of the raw answers, at least the upper triangle with the diagonal
     * @param reverse whether item i is reverse-keyed; keying c − x flips the sign of its covariances only
     * @param flagBelow the lower end of alpha's interval under which the scale is flagged
     */
    public static ScaleReliability reliability(long n, double[] sums, double[][] crossSums, boolean[] reverse,
            double flagBelow) {
        int k = sums.length;
        if (n < 3 || k < 2) {
            return new ScaleReliability(n, k, null, null, null, nulls(k), false);
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double cov = (crossSums[i][j] - sums[i] * sums[j] / n) / (n - 1);
                if (reverse[i] != reverse[j]) {
                    cov = -cov;
                }
                c[i][j] = cov;
                c[j][i] = cov;
            }
        }
        double diagonal = 0;
        double total = 0;
        double[] rowSums = new double[k];
        for (int i = 0; i < k; i++) {
            diagonal += c[i][i];
            for (int j = 0; j < k; j++) {
                rowSums[i] += c[i][j];
                total += c[i][j];
            }
        }
        List<Double> itemRest = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double covRest = rowSums[i] - c[i][i];
            double varRest = total - 2 * rowSums[i] + c[i][i];
            double denominator = Math.sqrt(c[i][i] * varRest);
            itemRest.add(denominator > 1e-12 ? covRest / denominator : null);
        }
        if (!(total > 1e-12) || n > Integer.MAX_VALUE) {
            return new ScaleReliability(n, k, null, null, null, itemRest, false);
        }
        Reliability.Alpha a = Reliability.feldt(k / (k - 1.0) * (1 - diagonal / total), (int) n, k);
        return new ScaleReliability(n, k, a.alpha(), a.lower95(), a.upper95(), itemRest, a.lower95() < flagBelow);
    }

    /**
     * Empirical Bayes estimates of each group's mean under the normal–normal model y_j ~ N(θ_j, v_j),
     * θ_j ~ N(μ, τ²): θ̂_j = μ + τ² / (τ² + v_j) · (y_j − μ) (Morris 1983, "Parametric empirical Bayes inference:
     * theory and applications", JASA 78(381), 47–55). v_j = σ² / n_j with σ² the pooled within-group variance;
     * τ² is DerSimonian &amp; Laird's moment estimate (1986, Controlled Clinical Trials 7(3), 177–188):
     * max(0, (Q − (J − 1)) / (Σw − Σw² / Σw)) with w_j = 1 / v_j and Q = Σ w_j (y_j − ȳ_w)²; μ is the mean weighted
     * by 1 / (v_j + τ²). A group with few values is pulled more. With fewer than 2 groups, or no within-group
     * variance, there is nothing to estimate τ² from and the raw means are returned with shrinkage 0.
     */
    public static List<Shrunk> shrink(List<Group> groups) {
        double pooledSs = 0;
        long pooledDf = 0;
        for (Group g : groups) {
            if (g.n() > 1) {
                pooledSs += (g.n() - 1) * g.variance();
                pooledDf += g.n() - 1;
            }
        }
        if (groups.size() < 2 || pooledDf == 0 || !(pooledSs > 0)) {
            return groups.stream().map(g -> new Shrunk(g.key(), g.mean(), g.mean(), 0)).toList();
        }
        double sigma2 = pooledSs / pooledDf;
        double sw = 0;
        double sw2 = 0;
        double swy = 0;
        for (Group g : groups) {
            double w = g.n() / sigma2;
            sw += w;
            sw2 += w * w;
            swy += w * g.mean();
        }
        double fixedMean = swy / sw;
        double q = 0;
        for (Group g : groups) {
            q += g.n() / sigma2 * Math.pow(g.mean() - fixedMean, 2);
        }
        double tau2 = Math.max(0, (q - (groups.size() - 1)) / (sw - sw2 / sw));
        double weights = 0;
        double weighted = 0;
        for (Group g : groups) {
            double w = 1 / (sigma2 / g.n() + tau2);
            weights += w;
            weighted += w * g.mean();
        }
        double mu = weighted / weights;
        List<Shrunk> result = new ArrayList<>();
        for (Group g : groups) {
            double v = sigma2 / g.n();
            double shrinkage = v / (tau2 + v);
            result.add(new Shrunk(g.key(), g.mean(), g.mean() + shrinkage * (mu - g.mean()), shrinkage));
        }
        return result;
    }

    /**
     * The median of values counted in bins: bin 0 covers [0, edges[0]), bin i [edges[i - 1], edges[i]), the last
     * bin everything from the last edge up. Linear within the bin that holds the middle, as a percentile over the
     * values would interpolate between them; in the open last bin, its lower edge (a lower bound). Null when every
     * bin is empty.
     */
    public static Double binnedMedian(long[] counts, double[] edges) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        double half = n / 2.0;
        long before = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && before + counts[i] >= half) {
                double lower = i == 0 ? 0 : edges[i - 1];
                if (i >= edges.length) {
                    return lower;
                }
                return lower + (edges[i] - lower) * (half - before) / counts[i];
            }
            before += counts[i];
        }
        return edges[edges.length - 1];
    }

    /**
     * Small-cell rule: a group's figures are shown only from {@code minClients} distinct clients, so that no figure
     * describes one or two identifiable people. Counts of zero are not a cell about anyone and stay shown.
     */
    public static boolean suppressed(long clients, int minClients) {
        return clients > 0 && clients < minClients;
    }

    /**
     * Complementary suppression: beside a total, the cells withheld for being small could be worked out as the
     * total minus the cells shown. So while the withheld cells hold fewer than {@code minClients} clients together,
     * the smallest shown cell (fewest clients, then lowest key) is withheld too. Cells of no client are about no one
     * and add nothing to the withheld; they stay shown.
     *
     * @param clients each cell's distinct clients
     * @param suppressed the cells already withheld (small cells)
     * @return the further cells to withhold, smallest first
     */
    public static Set<String> complementary(Map<String, Long> clients, Set<String> suppressed, int minClients) {
        long withheld = suppressed.stream().mapToLong(k -> clients.getOrDefault(k, 0L)).sum();
        Set<String> result = new LinkedHashSet<>();
        if (withheld == 0) {
            return result;
        }
        List<String> shown = clients.keySet().stream().filter(k -> !suppressed.contains(k) && clients.get(k) > 0)
                .sorted(Comparator.comparing((String k) -> clients.get(k)).thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String k : shown) {
            if (withheld >= minClients) {
                break;
            }
            result.add(k);
            withheld += clients.get(k);
        }
        return result;
    }

    private static List<Double> nulls(int k) {
        List<Double> result = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            result.add(null);
        }
        return result;
    }
}
