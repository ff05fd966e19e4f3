package io.rapport.questionnaire;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One questionnaire item. {@code id} is the published item number; {@code text} and {@code anchors} are keyed by
 * language, anchors then by scale value.
 */
public record Item(
        String id,
        Map<String, String> text,
        ResponseType type,
        BigDecimal min,
        BigDecimal max,
        BigDecimal step,
        Map<String, Map<String, String>> anchors,
        boolean reverse,
        boolean allowNotApplicable) {

    public Item {
        text = text == null ? Map.of() : Map.copyOf(text);
        anchors = anchors == null ? Map.of() : Map.copyOf(anchors);
        if (step == null && type == ResponseType.LIKERT) {
            step = BigDecimal.ONE;
        }
    }
}
