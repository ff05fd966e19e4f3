package io.rapport.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

    /**
     * Five subjects, three items. By hand: item variances 0.5, 1.3, 1.3 (sum 3.1); totals 6, 9, 12, 11, 12 with
     * mean 10 and variance (16 + 1 + 4 + 1 + 4) / 4 = 6.5; α = 3/2 · (1 − 3.1/6.5) = 0.784615.
     */
    private static final List<double[]> FIVE_BY_THREE = List.of(new double[] { 2, 2, 2 }, new double[] { 3, 3, 3 },
            new double[] { 4, 4, 4 }, new double[] { 3, 5, 3 }, new double[] { 3, 4, 5 });

    @Test
    void shouldComputeCronbachsAlphaAsByHand() {
        Reliability.Alpha a = Reliability.cronbach(FIVE_BY_THREE);

        assertThat(Reliability.variance(new double[] { 2, 3, 4, 3, 3 })).isCloseTo(0.5, within(1e-12));
        assertThat(a.alpha()).isCloseTo(0.784615, within(1e-6));
        assertThat(a.subjects()).isEqualTo(5);
        assertThat(a.items()).isEqualTo(3);
    }

    @Test
    void shouldPutFeldtsIntervalAroundAlpha() {
        Reliability.Alpha a = Reliability.cronbach(FIVE_BY_THREE);
        // Feldt: F(4, 8); F.975(4, 8) = 5.0526 and F.025(4, 8) = 1/F.975(8, 4) = 1/8.9796 = 0.11136 (F tables)
        double oneMinus = 1 - a.alpha();
        assertThat(a.lower95()).isCloseTo(1 - oneMinus * 5.0526, within(1e-3));
        assertThat(a.upper95()).isCloseTo(1 - oneMinus * 0.11136, within(1e-3));
        assertThat(a.lower95()).isLessThan(a.alpha());
        assertThat(a.upper95()).isGreaterThan(a.alpha()).isLessThan(1);
    }

    @Test
    void shouldGiveOneForPerfectlyParallelItems() {
        Reliability.Alpha a = Reliability.cronbach(List.of(new double[] { 1, 1 }, new double[] { 2, 2 },
                new double[] { 3, 3 }, new double[] { 5, 5 }));
        assertThat(a.alpha()).isCloseTo(1, within(1e-12));
    }

    @Test
    void shouldGiveNoAlphaWithoutEnoughDataOrVariance() {
        assertThat(Reliability.cronbach(List.of(new double[] { 1, 2 }, new double[] { 2, 3 }))).isNull();
        assertThat(Reliability.cronbach(List.of(new double[] { 1 }, new double[] { 2 }, new double[] { 3 }))).isNull();
        assertThat(Reliability.cronbach(List.of(new double[] { 2, 2 }, new double[] { 2, 2 },
                new double[] { 2, 2 }))).isNull();
    }
}
