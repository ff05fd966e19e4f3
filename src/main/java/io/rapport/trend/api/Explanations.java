package io.rapport.trend.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.trend.PairTrend;
import io.rapport.trend.SplitAlliance;
import io.rapport.trend.TrendEvent;

/**
 * Adds to every event the sentence that explains it (the rule, the values compared, the threshold) and the source of
 * the numbers, as {@code explanation} and {@code constants} in its detail; alerts keep both.
 */
final class Explanations {

    private Explanations() {
    }

    static PairTrend explain(PairTrend t, ConstantsUsed total) {
        List<TrendEvent> events = t.events().stream().map(e -> explain(e, total)).toList();
        return new PairTrend(t.questionnaireId(), t.points(), t.n(), t.mean(), t.sd(), t.slope(), t.slopeCi95(),
                t.reliableChange(), t.cutoffPosition(), events, t.subscales());
    }

    static SplitAlliance explain(SplitAlliance s, ConstantsUsed total) {
        if (s == null) {
            return null;
        }
        return new SplitAlliance(s.questionnaireId(), s.points(), s.threshold(), s.mean(), s.slope(), s.slopeCi95(),
                s.events().stream().map(e -> explain(e, total)).toList());
    }

    static TrendEvent explain(TrendEvent e, ConstantsUsed c) {
        Map<String, Object> detail = new LinkedHashMap<>(e.detail());
        detail.put("explanation", sentence(e.type(), e.detail(), c));
        detail.put("constants", source(e.type(), c));
        return new TrendEvent(e.type(), e.sessionNumber(), Collections.unmodifiableMap(detail));
    }

    private static String sentence(String type, Map<String, Object> d, ConstantsUsed c) {
        return switch (type) {
            case "reliable-drop" -> f("Reliable drop: the score fell from %s to %s, by %s; a rupture needs a drop of"
                    + " at least %s (z %s × √2 × error SD %s, the %s).", d.get("previous"), d.get("score"),
                    d.get("drop"), d.get("threshold"), d.get("z"), d.get("errorSd"), basis(d));
            case "personal-drop" -> f("Personal drop: the score %s is %s below this pair's mean of %s over %s earlier"
                    + " sessions; a rupture needs more than %s (%s × SD %s × √(1 + 1/%s)), where the SD is the larger"
                    + " of the pair's own SD %s and the error SD %s (the %s).", d.get("score"), d.get("shortfall"),
                    d.get("mean"), d.get("earlierScores"), d.get("margin"), d.get("sdMultiplier"), d.get("sd"),
                    d.get("earlierScores"), d.get("ownSd"), d.get("errorSd"), basis(d));
            case "below-cutoff" -> f("Below the cutoff: the score %s is under the clinical cutoff of %s%s.",
                    d.get("score"), d.get("cutoff"),
                    d.containsKey("previous") ? f(" (previous score %s)", d.get("previous")) : "");
            case "repair" -> f("Repair: the score %s is back within %s of %s, the pair's level before the rupture at"
                    + " session %s.", d.get("score"), d.get("margin"), d.get("reference"), d.get("ruptureSession"));
            case "unrepaired" -> f("Unrepaired: no score came back within %s of %s, the pair's level before the"
                    + " rupture at session %s, by session %s.", d.get("margin"), d.get("reference"),
                    d.get("ruptureSession"), d.get("windowEnd"));
            case "no-response" -> f("No response: %s questionnaires in a row expired unanswered, from session %s.",
                    d.get("consecutiveExpired"), d.get("firstExpiredSession"));
            case "split-alliance" -> f("Split alliance: the raters' totals differ by %s (highest %s, lowest %s);"
                    + " the reliable change threshold is %s.", d.get("difference"), d.get("max"), d.get("min"),
                    d.get("threshold"));
            default -> type;
        };
    }

    private static String basis(Map<String, Object> d) {
        return "within-pair-sd".equals(d.get("errorSdBasis")) ? "organization's session-to-session SD"
                : "standard error of measurement";
    }

    /** Where the numbers behind this event came from. */
    private static Map<String, Object> source(String type, ConstantsUsed c) {
        Map<String, Object> source = new LinkedHashMap<>();
        switch (type) {
            case "reliable-drop", "personal-drop", "repair", "unrepaired", "split-alliance" -> {
                source.put("referenceSdSource", c.source());
                source.put("referenceSdDetail", c.sourceDetail());
                source.put("referenceSd", c.referenceSd());
                source.put("reliability", c.reliability());
                source.put("sem", c.sem());
                source.put("withinSd", c.withinSd());
                source.put("withinSdDetail", c.withinSdDetail());
            }
            case "below-cutoff" -> source.put("cutoffSource", "questionnaire-file");
            default -> {
            }
        }
        return source;
    }

    private static String f(String format, Object... values) {
        Object[] shown = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = values[i] instanceof Double v ? String.format(Locale.ROOT, "%.2f", v) : values[i];
        }
        return String.format(Locale.ROOT, format, shown);
    }
}
