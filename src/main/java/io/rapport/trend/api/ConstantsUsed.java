package io.rapport.trend.api;

/**
 * The numbers one scale of a trend was judged by, and where each came from, so every trend, event and alert can say
 * which source it used.
 *
 * @param scale {@code total} or a subscale
 * @param source where the reference SD and reliability come from: {@code organization} (set by an admin with a
 *        citation), {@code questionnaire-file}, {@code local-norms}, or null when there are none
 * @param sourceDetail the citation, or the local norms' N, date and alpha with its interval
 * @param withinSd robust session-to-session SD of one pair from the local norms ({@code noiseSd}), or null while
 *        they are not in use
 * @param errorSd what drops are judged against: the larger of SEM and withinSd; null turns the drop rules off
 * @param errorSdBasis {@code sem} or {@code within-pair-sd}
 * @param status "drop rules on", or why they are off
 */
public record ConstantsUsed(String scale, String source, String sourceDetail, Double referenceSd, Double reliability,
        Double sem, Double withinSd, String withinSdDetail, Double errorSd, String errorSdBasis, String status) {
}
