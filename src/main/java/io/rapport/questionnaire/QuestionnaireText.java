package io.rapport.questionnaire;

import java.util.Map;

/**
 * Resolved wording of one instrument version in one language. {@code anchors} maps item id to scale value to label;
 * {@code language} is the language actually delivered, which may be the default after fallback.
 */
public record QuestionnaireText(
        String questionnaireId,
        String version,
        String language,
        TextSource source,
        Map<String, String> items,
        Map<String, Map<String, String>> anchors) {

    public QuestionnaireText {
        items = Map.copyOf(items);
        anchors = Map.copyOf(anchors);
    }
}
