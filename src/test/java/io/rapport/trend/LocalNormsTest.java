package io.rapport.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LocalNormsTest {

    private static LocalNorms.Observation obs(double score, double... items) {
        return new LocalNorms.Observation(score, items.length == 0 ? null : items);
    }

    @Test
    void shouldTakeTheReferenceSampleFromEachPairsFirstResponse() {
        LocalNorms.Estimate e = LocalNorms.estimate(List.of(List.of(obs(10), obs(30)), List.of(obs(20)),
                List.of(obs(30), obs(0), obs(0))), 1);

        assertThat(e.pairs()).isEqualTo(3);
        assertThat(e.responses()).isEqualTo(6);
        assertThat(e.mean()).isCloseTo(20, within(1e-12));
        assertThat(e.sd()).isCloseTo(10, within(1e-12));
    }

    @Test
    void shouldPoolTheWithinPairSdOverPairsWithTwoOrMoreScores() {
        // pair 1 {10, 30}: SS 200, df 1; pair 3 {30, 0, 0}: mean 10, SS 400 + 100 + 100 = 600, df 2
        LocalNorms.Estimate e = LocalNorms.estimate(List.of(List.of(obs(10), obs(30)), List.of(obs(20)),
                List.of(obs(30), obs(0), obs(0))), 1);

        assertThat(e.withinDf()).isEqualTo(3);
        assertThat(e.withinSd()).isCloseTo(Math.sqrt(800 / 3.0), within(1e-12));
        assertThat(e.differences()).isEqualTo(3);
    }

    @Test
    void shouldGiveTheSemOfJacobsonAndTruax() {
        // alpha of the first responses' items; SEM = SD · √(1 − α); threshold = 1.96 · √2 · SEM
        List<List<LocalNorms.Observation>> pairs = List.of(List.of(obs(6, 2, 2, 2)), List.of(obs(9, 3, 3, 3)),
                List.of(obs(12, 4, 4, 4)), List.of(obs(11, 3, 5, 3)), List.of(obs(12, 3, 4, 5)));
        LocalNorms.Estimate e = LocalNorms.estimate(pairs, 1);

        double alpha = 1.5 * (1 - 3.1 / 6.5);
        assertThat(e.alpha().alpha()).isCloseTo(alpha, within(1e-12));
        assertThat(e.sd()).isCloseTo(Math.sqrt(6.5), within(1e-12));
        assertThat(e.sem()).isCloseTo(Math.sqrt(6.5) * Math.sqrt(1 - alpha), within(1e-12));
        assertThat(e.reliableChangeThreshold(1.96)).isCloseTo(1.96 * Math.sqrt(2) * e.sem(), within(1e-12));
    }

    @Test
    void shouldInterpolateTheMedianWithinItsStep() {
        // |differences| 0, 1, 1, 1, 2 on steps of 1: class of 1 is [0.5, 1.5) with 3 values, 1 below;
        // median = 0.5 + (2.5 − 1) / 3 · 1 = 1.0
        assertThat(LocalNorms.groupedMedian(List.of(0.0, 1.0, 1.0, 1.0, 2.0), 1)).isCloseTo(1.0, within(1e-12));
        // 0, 0, 1, 2: half = 2 lies at the top of the zero class [0, 0.5)
        assertThat(LocalNorms.groupedMedian(List.of(0.0, 0.0, 1.0, 2.0), 1)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void shouldRecoverTheNoiseSdAndIgnoreAFewRuptures() {
        Random random = new Random(3);
        List<List<LocalNorms.Observation>> pairs = new ArrayList<>();
        for (int p = 0; p < 400; p++) {
            double level = 30 + random.nextGaussian() * 3;
            List<LocalNorms.Observation> series = new ArrayList<>();
            for (int n = 1; n <= 10; n++) {
                // one pair in ten has a 10-point rupture at sessions 6 and 7
                boolean down = p % 10 == 0 && (n == 6 || n == 7);
                double score = Math.round((level + random.nextGaussian() * 1.5 - (down ? 10 : 0)) * 10) / 10.0;
                series.add(obs(score));
            }
            pairs.add(series);
        }
        LocalNorms.Estimate e = LocalNorms.estimate(pairs, 0.1);

        assertThat(e.noiseSd()).isCloseTo(1.5, within(0.1));
        // the classic pooled SD is pulled up by the ruptures
        assertThat(e.withinSd()).isGreaterThan(e.noiseSd() + 0.3);
    }
}
