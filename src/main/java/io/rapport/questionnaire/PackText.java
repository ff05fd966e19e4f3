package io.rapport.questionnaire;

import java.util.Map;

/** Licensed wording of one instrument version in one language, from a content pack file. */
public record PackText(Map<String, String> items, Map<String, Map<String, String>> anchors) {

    public PackText {
        items = items == null ? Map.of() : Map.copyOf(items);
        anchors = anchors == null ? Map.of() : Map.copyOf(anchors);
    }
}
