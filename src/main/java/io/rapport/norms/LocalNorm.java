package io.rapport.norms;

import java.time.Instant;

import io.rapport.trend.LocalNorms;
import io.rapport.trend.Reliability;

/**
 * An instrument version's local norms for one scale, as stored by the norms job.
 *
 * @param scale {@code total} or a subscale
 * @param referenceSample which responses the mean, SD and alpha come from
 * @param withinSd pooled within-pair SD, with {@code withinDf} degrees of freedom
 * @param noiseSd robust session-to-session SD from {@code differences} successive differences; the drop rules use it
 * @param alphaResponses complete responses alpha was computed from
 */
public record LocalNorm(String questionnaireId, String version, String scale, Instant computedAt, int pairs,
        int responses, String referenceSample, Double mean, Double sd, Double withinSd, int withinDf, Double noiseSd,
        int differences, Double alpha, Double alphaLower95, Double alphaUpper95, Integer alphaResponses, Double sem) {

    /** Each pair's first scored response. */
    public static final String FIRST_RESPONSE_PER_PAIR = "first-scored-response-per-pair";

    static LocalNorm of(String questionnaireId, String version, String scale, Instant computedAt,
            LocalNorms.Estimate e) {
        return new LocalNorm(questionnaireId, version, scale, computedAt, e.pairs(), e.responses(),
                FIRST_RESPONSE_PER_PAIR, e.mean(), e.sd(), e.withinSd(), e.withinDf(), e.noiseSd(), e.differences(),
                e.alpha() == null ? null : e.alpha().alpha(), e.alpha() == null ? null : e.alpha().lower95(),
                e.alpha() == null ? null : e.alpha().upper95(), e.alpha() == null ? null : e.alpha().subjects(),
                e.sem());
    }

    /** Reliability for the reliable change index: alpha clipped to [0, 1], or null. */
    public Double reliability() {
        return alpha == null ? null : Reliability.asReliability(alpha);
    }
}
