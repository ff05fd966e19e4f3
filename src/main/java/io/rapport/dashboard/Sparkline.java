package io.rapport.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import io.rapport.questionnaire.Cutoff;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * A pair's recent totals on one instrument, drawn as a small inline SVG up to the top of the instrument's range
 * (so a flat line near the top means high, not merely stable), with a trend arrow from the slope's 95 % CI.
 */
public record Sparkline(String instrument, List<Point> points, double min, double max, Double cutoff,
        Arrow arrow) {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;
    private static final double PAD = 3;

    public record Point(int sessionNumber, double total) {
    }

    /** Up only when the whole interval is above zero, down only when it is below; otherwise we cannot tell. */
    public enum Arrow {
        up("↑", "rising"),
        down("↓", "falling"),
        flat("→", "no clear trend");

        public final String symbol;
        public final String label;

        Arrow(String symbol, String label) {
            this.symbol = symbol;
            this.label = label;
        }
    }

    static Sparkline of(String instrument, List<Point> points, QuestionnaireDefinition definition) {
        if (definition == null) {
            return new Sparkline(instrument, List.copyOf(points), lowest(points), highest(points), null,
                    arrow(points));
        }
        double min = definition.totalMin().doubleValue();
        double max = definition.totalMax().doubleValue();
        Double cutoff = definition.interpretation().stream()
                .filter(c -> QuestionnaireDefinition.TOTAL.equals(c.scale()))
                .map(Cutoff::value).map(BigDecimal::doubleValue).findFirst().orElse(null);
        // The top of the range stays; the bottom follows the lowest score or the cutoff, so drops show at 32 px.
        double low = Math.min(lowest(points), cutoff == null ? Double.MAX_VALUE : cutoff) - 0.1 * (max - min);
        return new Sparkline(instrument, List.copyOf(points), Math.max(min, low), max, cutoff, arrow(points));
    }

    /** The same OLS and Student t interval as the trend engine, over the sparkline's points only. */
    static Arrow arrow(List<Point> points) {
        if (points.size() < 3) {
            return Arrow.flat;
        }
        SimpleRegression regression = new SimpleRegression();
        points.forEach(p -> regression.addData(p.sessionNumber(), p.total()));
        double slope = regression.getSlope();
        double half = new TDistribution(null, points.size() - 2).inverseCumulativeProbability(0.975)
                * regression.getSlopeStdErr();
        if (!Double.isFinite(slope) || !Double.isFinite(half)) {
            return Arrow.flat;
        }
        if (slope - half > 0) {
            return Arrow.up;
        }
        return slope + half < 0 ? Arrow.down : Arrow.flat;
    }

    public double latest() {
        return points.get(points.size() - 1).total();
    }

    public String latestText() {
        return number(latest());
    }

    public boolean belowCutoff() {
        return cutoff != null && latest() < cutoff;
    }

    /** SVG {@code points} of the polyline, oldest on the left. */
    public String polyline() {
        if (points.size() == 1) {
            double y = y(points.get(0).total());
            return fmt(PAD) + "," + fmt(y) + " " + fmt(WIDTH - PAD) + "," + fmt(y);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = PAD + i * (WIDTH - 2 * PAD) / (points.size() - 1);
            sb.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y(points.get(i).total())));
        }
        return sb.toString();
    }

    public boolean hasCutoff() {
        return cutoff != null && cutoff > min && cutoff < max;
    }

    public String cutoffY() {
        return cutoff == null ? "0" : fmt(y(cutoff));
    }

    public String lastX() {
        return fmt(WIDTH - PAD);
    }

    public String lastY() {
        return fmt(y(latest()));
    }

    /** The text alternative: every value the line shows. */
    public String description() {
        return instrument + " totals, sessions " + points.get(0).sessionNumber() + " to "
                + points.get(points.size() - 1).sessionNumber() + ": "
                + points.stream().map(p -> number(p.total())).collect(Collectors.joining(", "))
                + (cutoff == null ? "" : "; cutoff " + number(cutoff));
    }

    private double y(double value) {
        double span = max - min;
        double share = span <= 0 ? 0.5 : (value - min) / span;
        return HEIGHT - PAD - Math.max(0, Math.min(1, share)) * (HEIGHT - 2 * PAD);
    }

    private static double lowest(List<Point> points) {
        return points.stream().mapToDouble(Point::total).min().orElse(0);
    }

    private static double highest(List<Point> points) {
        return points.stream().mapToDouble(Point::total).max().orElse(1);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
