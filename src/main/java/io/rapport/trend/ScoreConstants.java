package io.rapport.trend;

/**
 * The constants one score (the total or a subscale) is judged by.
 *
 * @param referenceSd SD of the reference sample for the reliable change index, or null when unknown
 * @param reliability reliability r (e.g. Cronbach's alpha) for the RCI, or null when unknown
 * @param cutoff clinical cutoff value, or null when none; the side of concern is the instrument's {@link Direction}
 * @param step smallest meaningful change of the score (1 for a sum of integer items, 1/k for a mean of k items)
 * @param withinSd session-to-session SD of one pair (the local norms' robust estimate), or null when unknown
 */
public record ScoreConstants(Double referenceSd, Double reliability, Double cutoff, double step, Double withinSd) {

    public ScoreConstants {
        if ((referenceSd == null) != (reliability == null)) {
            throw new IllegalArgumentException("referenceSd and reliability must be given together");
        }
        if (referenceSd != null && (referenceSd < 0 || reliability < 0 || reliability > 1)) {
            throw new IllegalArgumentException("referenceSd must be >= 0 and reliability within [0, 1]");
        }
        if (withinSd != null && !(withinSd >= 0)) {
            throw new IllegalArgumentException("withinSd must be >= 0");
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be > 0");
        }
    }

    /** Constants without a session-to-session SD. */
    public ScoreConstants(Double referenceSd, Double reliability, Double cutoff, double step) {
        this(referenceSd, reliability, cutoff, step, null);
    }

    public static ScoreConstants stepOnly(double step) {
        return new ScoreConstants(null, null, null, step, null);
    }

    /** Standard error of measurement SD · √(1 − r); null when the reference SD and reliability are unknown. */
    public Double standardError() {
        return referenceSd == null ? null : referenceSd * Math.sqrt(1 - reliability);
    }

    /** Jacobson–Truax: z · √2 · SD · √(1 − r); null when the constants are not known. */
    public Double reliableChangeThreshold(double z) {
        Double standardError = standardError();
        return standardError == null ? null : z * Math.sqrt(2) * standardError;
    }

    /**
     * The noise a drop of one pair is judged against: the larger of the standard error of measurement and the
     * session-to-session SD, since a pair's scores vary by both; null when neither is known, and then no drop rule runs.
     */
    public Double errorSd() {
        Double sem = standardError();
        if (sem == null) {
            return withinSd;
        }
        return withinSd == null ? sem : Math.max(sem, withinSd);
    }

    /** Which of the two {@link #errorSd()} is: {@code within-pair-sd}, {@code sem}, or null. */
    public String errorSdBasis() {
        Double sem = standardError();
        if (sem == null) {
            return withinSd == null ? null : "within-pair-sd";
        }
        return withinSd != null && withinSd > sem ? "within-pair-sd" : "sem";
    }
}
