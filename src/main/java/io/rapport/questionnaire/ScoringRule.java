package io.rapport.questionnaire;

/**
 * Scoring rule of an instrument. {@code maxMissing} counts missing and not-applicable items together;
 * {@code subscaleMaxMissing} is 0 unless the publication allows prorating subscales.
 */
public record ScoringRule(
        ScoringMethod method,
        int maxMissing,
        Imputation imputation,
        int subscaleMaxMissing,
        int rounding,
        String source) {
}
