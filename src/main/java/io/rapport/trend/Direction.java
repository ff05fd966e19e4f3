package io.rapport.trend;

/**
 * Which side of a score is concerning. For alliance instruments lower is worse, so concern is {@link #BELOW}: a score
 * under the cutoff is a concern and a "drop" is a decrease.
 */
public enum Direction {
    BELOW,
    ABOVE;

    /** Signed change towards concern: positive when {@code to} is worse than {@code from}. */
    double worsening(double from, double to) {
        return this == BELOW ? from - to : to - from;
    }

    /** Strictly on the concerning side of {@code reference}, ignoring floating-point noise. */
    boolean isConcerning(double score, double reference) {
        return worsening(reference, score) > Tolerance.EPSILON;
    }
}
