package io.rapport.trend;

/**
 * Published constants of one score (the total or a subscale).
 *
 * @param referenceSd SD of the normative sample for the reliable change index, or null when not published
 * @param reliability reliability r (e.g. Cronbach's alpha or test-retest) for the RCI, or null when not published
 * @param cutoff clinical cutoff value, or null when none; the side of concern is the instrument's {@link Direction}
 * @param step smallest meaningful change of the score (1 for a sum of integer items, 1/k for a mean of k items)
 */
public record ScoreConstants(Double referenceSd, Double reliability, Double cutoff, double step) {

    public ScoreConstants {
        if ((referenceSd == null) != (reliability == null)) {
            throw new IllegalArgumentException("referenceSd and reliability must be given together");
        }
        if (referenceSd != null && (referenceSd < 0 || reliability < 0 || reliability > 1)) {
            throw new IllegalArgumentException("referenceSd must be >= 0 and reliability within [0, 1]");
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be > 0");
        }
    }

    public static ScoreConstants stepOnly(double step) {
        return new ScoreConstants(null, null, null, step);
    }

    /** Jacobson–Truax: z · √2 · SD · √(1 − r); null when the constants are not published. */
    Double reliableChangeThreshold(double z) {
        if (referenceSd == null) {
            return null;
        }
        double standardError = referenceSd * Math.sqrt(1 - reliability);
        return z * Math.sqrt(2) * standardError;
    }
}
