package io.rapport.perspective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PerspectiveGapTest {

    @Test
    void shouldSetThePredictionAgainstTheRatingTotalFirstThenSubscalesThenItemsByNumber() {
        Map<String, Double> predicted = new LinkedHashMap<>();
        predicted.put("item 10", 4.0);
        predicted.put("bond", 12.0);
        predicted.put("item 2", 5.0);
        predicted.put("total", 50.0);
        predicted.put("goal", 15.0);
        predicted.put("item 3", 2.0);
        Map<String, Double> actual = Map.of("total", 41.0, "goal", 16.0, "bond", 9.0, "item 2", 3.0, "item 10", 4.0);

        List<PerspectiveGap.Gap> gaps = PerspectiveGap.between(predicted, actual);

        assertThat(gaps).extracting(PerspectiveGap.Gap::scale)
                .containsExactly("total", "bond", "goal", "item 2", "item 10");
        assertThat(gaps).extracting(PerspectiveGap.Gap::signed).containsExactly(9.0, 3.0, -1.0, 2.0, 0.0);
        assertThat(gaps).extracting(PerspectiveGap.Gap::absolute).containsExactly(9.0, 3.0, 1.0, 2.0, 0.0);
    }

    @Test
    void shouldCallAGapAnEventFromTheThresholdOnAndNeverWithoutOne() {
        assertThat(PerspectiveGap.isEvent(2.772, 2.772)).isTrue();
        assertThat(PerspectiveGap.isEvent(-3.0, 2.772)).isTrue();
        assertThat(PerspectiveGap.isEvent(2.7, 2.772)).isFalse();
        assertThat(PerspectiveGap.isEvent(30.0, null)).isFalse();
    }

    @Test
    void shouldSummarizeOverPairsWithStudentsTIntervals() {
        // Pair means: signed 3, -2, 0 and absolute 3, 2, 1 (hand-computed); t(0.975, 2) = 4.302653.
        PerspectiveGap.Summary s = PerspectiveGap.summarize(List.of(
                new PerspectiveGap.PairGaps("a", List.of(2.0, 4.0)),
                new PerspectiveGap.PairGaps("b", List.of(-2.0)),
                new PerspectiveGap.PairGaps("c", List.of(1.0, -1.0))));

        assertThat(s.pairs()).isEqualTo(3);
        assertThat(s.sessions()).isEqualTo(5);
        assertThat(s.meanSigned()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.meanAbsolute()).isCloseTo(2.0, within(1e-9));
        // Signed: s = 2.51661, half-width 4.302653 * 2.51661 / sqrt(3) = 6.25162.
        assertThat(s.signedCi95().get(0)).isCloseTo(-5.9183, within(1e-3));
        assertThat(s.signedCi95().get(1)).isCloseTo(6.5850, within(1e-3));
        // Absolute: s = 1, half-width 4.302653 / sqrt(3) = 2.48414.
        assertThat(s.absoluteCi95().get(0)).isCloseTo(-0.4841, within(1e-3));
        assertThat(s.absoluteCi95().get(1)).isCloseTo(4.4841, within(1e-3));
    }

    @Test
    void shouldGiveNoIntervalForOnePairAndNothingForNone() {
        PerspectiveGap.Summary one = PerspectiveGap.summarize(List.of(
                new PerspectiveGap.PairGaps("a", List.of(-4.0, -2.0))));
        assertThat(one.pairs()).isEqualTo(1);
        assertThat(one.meanSigned()).isEqualTo(-3.0);
        assertThat(one.meanAbsolute()).isEqualTo(3.0);
        assertThat(one.signedCi95()).isNull();
        assertThat(one.absoluteCi95()).isNull();

        PerspectiveGap.Summary none = PerspectiveGap.summarize(List.of(new PerspectiveGap.PairGaps("a", List.of())));
        assertThat(none.pairs()).isZero();
        assertThat(none.meanSigned()).isNull();
    }
}
