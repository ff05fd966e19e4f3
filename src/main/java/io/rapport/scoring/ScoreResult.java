package io.rapport.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.questionnaire.ScoringMethod;

/**
 * Outcome of scoring one form. {@code total} and unscorable subscales are null when not scored. Numbers are
 * BigDecimal without trailing zeros, so JSON shows 15 and 35.9.
 */
public record ScoreResult(
        String questionnaireId,
        String version,
        BigDecimal total,
        ScoringMethod method,
        Map<String, BigDecimal> subscales,
        List<String> imputedItems,
        boolean scored,
        List<String> flags) {

    public ScoreResult {
        subscales = Collections.unmodifiableMap(new LinkedHashMap<>(subscales));
        imputedItems = List.copyOf(imputedItems);
        flags = List.copyOf(flags);
    }
}
