package io.rapport.trend;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** OLS slope of a score against the session number, with its 95 % CI. */
final class LinearTrend {

    private final SimpleRegression regression = new SimpleRegression();

    void add(int sessionNumber, double value) {
        regression.addData(sessionNumber, value);
    }

    /** Null with fewer than 2 points or when all session numbers are equal (zero variance in x). */
    Double slope() {
        return regression.getN() < 2 ? null : finiteOrNull(regression.getSlope());
    }

    /** Null with fewer than 3 points; a degenerate [slope, slope] when the points lie exactly on a line. */
    List<Double> slopeCi95() {
        long n = regression.getN();
        Double slope = slope();
        if (n < 3 || slope == null) {
            return null;
        }
        // No random generator: we never sample, and creating one per call is the costly part.
        double t = new TDistribution(null, n - 2).inverseCumulativeProbability(0.975);
        double halfWidth = t * regression.getSlopeStdErr();
        if (!Double.isFinite(halfWidth)) {
            return null;
        }
        return List.of(slope - halfWidth, slope + halfWidth);
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
