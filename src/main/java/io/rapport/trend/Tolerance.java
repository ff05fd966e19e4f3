package io.rapport.trend;

/** Scores are sums or means of items, so equality with a threshold must survive rounding noise. */
final class Tolerance {

    static final double EPSILON = 1e-9;

    private Tolerance() {
    }

    static boolean atLeast(double value, double threshold) {
        return value >= threshold - EPSILON;
    }
}
