package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.rapport.dashboard.Sparkline.Arrow;
import io.rapport.dashboard.Sparkline.Point;

class SparklineTest {

    @Test
    void shouldPointUpOrDownOnlyWhenTheWholeIntervalIsOnOneSideOfZero() {
        assertThat(Sparkline.arrow(points(30, 32, 34, 36.2))).isEqualTo(Arrow.up);
        assertThat(Sparkline.arrow(points(39.2, 37.2, 34, 31.2))).isEqualTo(Arrow.down);
        // A slope of about +1 whose interval spans zero.
        assertThat(Sparkline.arrow(points(30, 38, 29, 37))).isEqualTo(Arrow.flat);
    }

    @Test
    void shouldStayFlatWithFewerThanThreePointsOrNoSpread() {
        assertThat(Sparkline.arrow(points(30, 38))).isEqualTo(Arrow.flat);
        assertThat(Sparkline.arrow(points(36, 36, 36))).isEqualTo(Arrow.flat);
    }

    @Test
    void shouldScaleToTheRangeAndDescribeEveryValue() {
        Sparkline s = new Sparkline("session-rating-4", points(0, 40), 0, 40, 36.0, Arrow.flat);
        assertThat(s.polyline()).isEqualTo("3.0,29.0 117.0,3.0");
        assertThat(s.description()).isEqualTo("session-rating-4 totals, sessions 1 to 2: 0, 40; cutoff 36");
        assertThat(s.belowCutoff()).isFalse();
    }

    private static List<Point> points(double... totals) {
        return java.util.stream.IntStream.range(0, totals.length).mapToObj(i -> new Point(i + 1, totals[i]))
                .toList();
    }
}
