package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rapport.insight.InsightStatistics.Correlation;
import io.rapport.insight.InsightStatistics.Group;
import io.rapport.insight.InsightStatistics.MeanCi;
import io.rapport.insight.InsightStatistics.ScaleReliability;
import io.rapport.insight.InsightStatistics.Shrunk;
import io.rapport.trend.Reliability;

class InsightStatisticsTest {

    /** The five subjects and three items of ReliabilityTest: α = 0.784615 by hand. */
    private static final double[][] ROWS = { { 2, 2, 2 }, { 3, 3, 3 }, { 4, 4, 4 }, { 3, 5, 3 }, { 3, 4, 5 } };

    @Test
    void shouldPutStudentsIntervalAroundTheMean() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, s² = 32/7, s = 2.138090, se = 0.755929; t(0.975, 7) = 2.364624 (t table)
        double[] v = { 2, 4, 4, 4, 5, 5, 7, 9 };
        MeanCi m = InsightStatistics.meanCi(v.length, sum(v), sumOfSquares(v));

        assertThat(m.mean()).isCloseTo(5, within(1e-12));
        assertThat(m.sd()).isCloseTo(2.138090, within(1e-6));
        assertThat(m.lower95()).isCloseTo(5 - 2.364624 * 0.755929, within(1e-5));
        assertThat(m.upper95()).isCloseTo(5 + 2.364624 * 0.755929, within(1e-5));
    }

    @Test
    void shouldGiveNoIntervalForOneValueAndNothingForNone() {
        assertThat(InsightStatistics.meanCi(1, 7, 49)).isEqualTo(new MeanCi(1, 7, null, null, null));
        assertThat(InsightStatistics.meanCi(0, 0, 0)).isNull();
    }

    @Test
    void shouldComputeAlphaFromSumsAsFromRows() {
        ScaleReliability r = reliability(ROWS, new boolean[3], 0.7);

        assertThat(r.alpha()).isCloseTo(0.784615, within(1e-6));
        Reliability.Alpha fromRows = Reliability.cronbach(List.of(ROWS));
        assertThat(r.lower95()).isCloseTo(fromRows.lower95(), within(1e-12));
        assertThat(r.upper95()).isCloseTo(fromRows.upper95(), within(1e-12));
        assertThat(r.n()).isEqualTo(5);
        // Feldt's lower end with F.975(4, 8) = 5.0526 is 1 − 0.215385 · 5.0526 = −0.088: below 0.7, so flagged.
        assertThat(r.lower95()).isCloseTo(-0.0883, within(1e-3));
        assertThat(r.flagged()).isTrue();
        assertThat(reliability(ROWS, new boolean[3], -0.5).flagged()).isFalse();
    }

    @Test
    void shouldComputeItemRestCorrelationsAsByHand() {
        // Covariances: var 0.5, 1.3, 1.3; cov12 0.5, cov13 0.5, cov23 0.7.
        // Item 1: cov(x1, x2 + x3) = 1.0, var(x2 + x3) = 1.3 + 1.3 + 1.4 = 4.0: r = 1 / √(0.5 · 4) = 0.707107.
        // Item 2: cov = 0.5 + 0.7 = 1.2, var(x1 + x3) = 0.5 + 1.3 + 1.0 = 2.8: r = 1.2 / √(1.3 · 2.8) = 0.628971.
        ScaleReliability r = reliability(ROWS, new boolean[3], 0.7);

        assertThat(r.itemRest().get(0)).isCloseTo(0.707107, within(1e-6));
        assertThat(r.itemRest().get(1)).isCloseTo(0.628971, within(1e-6));
        assertThat(r.itemRest().get(2)).isCloseTo(0.628971, within(1e-6));
    }

    @Test
    void shouldKeyReverseItemsBeforeAlpha() {
        // Item 2 stored as 6 − x and marked reverse: the same keyed data, so the same alpha and correlations.
        double[][] stored = new double[ROWS.length][];
        for (int i = 0; i < ROWS.length; i++) {
            stored[i] = new double[] { ROWS[i][0], 6 - ROWS[i][1], ROWS[i][2] };
        }
        ScaleReliability keyed = reliability(stored, new boolean[] { false, true, false }, 0.7);
        ScaleReliability unkeyed = reliability(stored, new boolean[3], 0.7);

        assertThat(keyed.alpha()).isCloseTo(0.784615, within(1e-6));
        assertThat(keyed.itemRest().get(1)).isCloseTo(0.628971, within(1e-6));
        assertThat(unkeyed.alpha()).isLessThan(0.5);
    }

    @Test
    void shouldGiveNoAlphaWithoutEnoughResponsesOrVariance() {
        assertThat(reliability(new double[][] { { 1, 2 }, { 2, 3 } }, new boolean[2], 0.7).alpha()).isNull();
        ScaleReliability flat = reliability(new double[][] { { 2, 2 }, { 2, 2 }, { 2, 2 } }, new boolean[2], 0.7);
        assertThat(flat.alpha()).isNull();
        assertThat(flat.itemRest()).containsExactly(null, null);
        assertThat(flat.flagged()).isFalse();
    }

    @Test
    void shouldShrinkSmallGroupsMoreTowardTheOrganization() {
        // σ² = (3·4 + 3·4 + 1·4) / 7 = 4; v = 1, 1, 2; w = 1, 1, 0.5; ȳ_w = 83 / 2.5 = 33.2;
        // Q = 10.24 + 0.64 + 11.52 = 22.4; τ² = (22.4 − 2) / (2.5 − 2.25 / 2.5) = 12.75;
        // μ = Σ y / (v + τ²) / Σ 1 / (v + τ²) = 33.907514; B = v / (v + τ²) = 0.072727, 0.072727, 0.135593.
        List<Shrunk> s = InsightStatistics.shrink(List.of(new Group("a", 4, 30, 4), new Group("b", 4, 34, 4),
                new Group("c", 2, 38, 4)));

        assertThat(s.get(0).shrinkage()).isCloseTo(0.072727, within(1e-6));
        assertThat(s.get(2).shrinkage()).isCloseTo(0.135593, within(1e-6));
        assertThat(s.get(0).estimate()).isCloseTo(30 + 0.072727 * (33.907514 - 30), within(1e-5));
        assertThat(s.get(1).estimate()).isCloseTo(34 + 0.072727 * (33.907514 - 34), within(1e-5));
        assertThat(s.get(2).estimate()).isCloseTo(38 + 0.135593 * (33.907514 - 38), within(1e-5));
        assertThat(s.get(2).raw()).isEqualTo(38);
    }

    @Test
    void shouldPoolCompletelyWhenGroupsDifferLessThanChance() {
        // Q = 0.25 + 0.25 = 0.5 < J − 1 = 1, so τ² = 0: both are the weighted mean 30.5.
        List<Shrunk> s = InsightStatistics.shrink(List.of(new Group("a", 4, 30, 4), new Group("b", 4, 31, 4)));

        assertThat(s).extracting(Shrunk::estimate).containsExactly(30.5, 30.5);
        assertThat(s).extracting(Shrunk::shrinkage).containsExactly(1.0, 1.0);
    }

    @Test
    void shouldKeepRawMeansWhenThereIsNothingToShrinkWith() {
        assertThat(InsightStatistics.shrink(List.of(new Group("a", 4, 30, 4))))
                .containsExactly(new Shrunk("a", 30, 30, 0));
        assertThat(InsightStatistics.shrink(List.of(new Group("a", 1, 30, 0), new Group("b", 1, 34, 0))))
                .extracting(Shrunk::estimate).containsExactly(30.0, 34.0);
    }

    @Test
    void shouldInterpolateTheMedianWithinItsBin() {
        double[] edges = { 10, 20, 40 };
        // 4 values: 1 in [0, 10), 2 in [10, 20), 1 in [20, 40). The middle (2 of 4) is halfway into [10, 20): 15.
        assertThat(InsightStatistics.binnedMedian(new long[] { 1, 2, 1, 0 }, edges)).isCloseTo(15.0, within(1e-12));
        // 3 values, all in [20, 40): the middle (1.5 of 3) is halfway: 30.
        assertThat(InsightStatistics.binnedMedian(new long[] { 0, 0, 3, 0 }, edges)).isCloseTo(30.0, within(1e-12));
        // The middle in the open last bin: its lower edge, a lower bound.
        assertThat(InsightStatistics.binnedMedian(new long[] { 1, 0, 0, 4 }, edges)).isEqualTo(40.0);
        assertThat(InsightStatistics.binnedMedian(new long[] { 0, 0, 0, 0 }, edges)).isNull();
    }

    @Test
    void shouldSuppressCellsOfOneToFourClients() {
        assertThat(InsightStatistics.suppressed(1, 5)).isTrue();
        assertThat(InsightStatistics.suppressed(4, 5)).isTrue();
        assertThat(InsightStatistics.suppressed(5, 5)).isFalse();
        assertThat(InsightStatistics.suppressed(0, 5)).isFalse();
    }

    @Test
    void shouldWithholdTheSmallestShownCellsUntilTheWithheldHoldFiveClients() {
        // One client withheld: the total minus a, b and c would show it, so the smallest shown cell (b, 5) goes.
        Map<String, Long> clients = Map.of("a", 7L, "b", 5L, "c", 9L, "d", 1L, "e", 0L);
        assertThat(InsightStatistics.complementary(clients, Set.of("d"), 5)).containsExactly("b");
        // Two small cells: 1 + 2 = 3, still fewer than 5, then 3 + 5 = 8; ties go to the lower key.
        Map<String, Long> tied = Map.of("x", 5L, "w", 5L, "y", 1L, "z", 2L);
        assertThat(InsightStatistics.complementary(tied, Set.of("y", "z"), 5)).containsExactly("w");
        // Withheld cells of 5 clients together need no company; nothing withheld, nothing to protect.
        assertThat(InsightStatistics.complementary(Map.of("a", 7L, "y", 3L, "z", 2L), Set.of("y", "z"), 5)).isEmpty();
        assertThat(InsightStatistics.complementary(clients, Set.of(), 5)).isEmpty();
        // Nothing left to withhold: every shown cell goes.
        assertThat(InsightStatistics.complementary(Map.of("a", 2L, "d", 1L), Set.of("d"), 5)).containsExactly("a");
    }

    @Test
    void shouldCorrelateWithFishersInterval() {
        // x 1..5, y 2, 1, 4, 3, 5: S_xx = 55 − 45 = 10, S_yy = 10, S_xy = 53 − 45 = 8, r = 0.8. atanh 0.8 = ½ ln 9
        // = 1.098612; z(0.975) = 1.959964 (normal table), / √(5 − 3) = 1.385904; tanh(−0.287292) = −0.279640,
        // tanh(2.484516) = 0.986196.
        Correlation c = pearson(new double[] { 1, 2, 3, 4, 5 }, new double[] { 2, 1, 4, 3, 5 });

        assertThat(c.n()).isEqualTo(5);
        assertThat(c.r()).isCloseTo(0.8, within(1e-12));
        assertThat(c.lower95()).isCloseTo(-0.279640, within(1e-6));
        assertThat(c.upper95()).isCloseTo(0.986196, within(1e-6));
    }

    @Test
    void shouldCorrelateANegativeRelation() {
        // x 1..6, y 6, 4, 5, 3, 2, 1: S_xx = S_yy = 17.5, S_xy = 57 − 73.5 = −16.5, r = −0.942857; atanh = −1.763180,
        // 1.959964 / √3 = 1.131586: tanh(−2.894766) = −0.993900, tanh(−0.631595) = −0.559149.
        Correlation c = pearson(new double[] { 1, 2, 3, 4, 5, 6 }, new double[] { 6, 4, 5, 3, 2, 1 });

        assertThat(c.r()).isCloseTo(-0.942857, within(1e-6));
        assertThat(c.lower95()).isCloseTo(-0.993900, within(1e-6));
        assertThat(c.upper95()).isCloseTo(-0.559149, within(1e-6));
    }

    @Test
    void shouldGiveNoIntervalBelowFourPairs() {
        // x 1, 2, 3 and y 1, 3, 2: S_xx = S_yy = 2, S_xy = 13 − 12 = 1, r = 0.5; √(n − 3) would be 0.
        Correlation c = pearson(new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 });

        assertThat(c).isEqualTo(new Correlation(3, 0.5, null, null));
        assertThat(pearson(new double[] { 4 }, new double[] { 7 })).isEqualTo(new Correlation(1, null, null, null));
        assertThat(InsightStatistics.pearson(0, 0, 0, 0, 0, 0)).isEqualTo(new Correlation(0, null, null, null));
    }

    @Test
    void shouldCollapseTheIntervalOfAPerfectCorrelationToItsValue() {
        // y = 2x + 1 and y = −x: |r| = 1, atanh infinite, the interval its limit.
        Correlation up = pearson(new double[] { 1, 2, 3, 4, 5 }, new double[] { 3, 5, 7, 9, 11 });
        Correlation down = pearson(new double[] { 0.1, 0.2, 0.3, 0.4 }, new double[] { -0.1, -0.2, -0.3, -0.4 });

        assertThat(up).isEqualTo(new Correlation(5, 1.0, 1.0, 1.0));
        assertThat(down).isEqualTo(new Correlation(4, -1.0, -1.0, -1.0));
    }

    @Test
    void shouldGiveNoCorrelationWhenAValueDoesNotVary() {
        assertThat(pearson(new double[] { 30, 30, 30, 30, 30 }, new double[] { 1, 2, 3, 4, 5 }).r()).isNull();
        assertThat(pearson(new double[] { 1, 2, 3, 4, 5 }, new double[] { 36.2, 36.2, 36.2, 36.2, 36.2 }))
                .isEqualTo(new Correlation(5, null, null, null));
    }

    private static Correlation pearson(double[] x, double[] y) {
        double xy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += x[i] * y[i];
        }
        return InsightStatistics.pearson(x.length, sum(x), sum(y), sumOfSquares(x), sumOfSquares(y), xy);
    }

    private static ScaleReliability reliability(double[][] rows, boolean[] reverse, double flagBelow) {
        int k = rows[0].length;
        double[] sums = new double[k];
        double[][] cross = new double[k][k];
        for (double[] row : rows) {
            for (int i = 0; i < k; i++) {
                sums[i] += row[i];
                for (int j = 0; j < k; j++) {
                    cross[i][j] += row[i] * row[j];
                }
            }
        }
        return InsightStatistics.reliability(rows.length, sums, cross, reverse, flagBelow);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double sumOfSquares(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }
}
