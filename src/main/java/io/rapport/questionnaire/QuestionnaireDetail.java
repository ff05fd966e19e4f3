package io.rapport.questionnaire;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole instrument version with its wording in one language. {@code language} is the language actually
 * delivered, which is the instrument's default language when the requested one is not available.
 */
public record QuestionnaireDetail(
        String id,
        String version,
        String title,
        String construct,
        String rater,
        boolean released,
        String language,
        TextSource textSource,
        List<String> languages,
        QuestionnaireSummary.Licence licence,
        String citation,
        String note,
        List<ItemView> items,
        Map<String, List<String>> subscales,
        ScoringRule scoring,
        List<Cutoff> interpretation,
        List<ReliableChange> reliableChange) {

    /** One item; {@code anchors} maps scale value to label in the delivered language. */
    public record ItemView(
            String id,
            String text,
            ResponseType type,
            BigDecimal min,
            BigDecimal max,
            BigDecimal step,
            boolean reverse,
            boolean allowNotApplicable,
            Map<String, String> anchors) {
    }

    static QuestionnaireDetail of(QuestionnaireCatalog catalog, QuestionnaireDefinition d, QuestionnaireText text) {
        List<ItemView> items = d.items().stream()
                .map(i -> new ItemView(i.id(), text.items().get(i.id()), i.type(), i.min(), i.max(), i.step(),
                        i.reverse(), i.allowNotApplicable(), byValue(text.anchors().getOrDefault(i.id(), Map.of()))))
                .toList();
        return new QuestionnaireDetail(d.id(), d.version(), d.title(), d.construct(), d.rater(),
                catalog.isReleased(d.id(), d.version()), text.language(), text.source(),
                QuestionnaireSummary.languages(catalog, d), QuestionnaireSummary.licence(catalog, d), d.citation(),
                d.note(), items, d.subscales(), d.scoring(), d.interpretation(), d.reliableChange());
    }

    /** Low to high, as the scale reads. */
    private static Map<String, String> byValue(Map<String, String> labels) {
        Map<String, String> sorted = new TreeMap<>(Comparator.comparing(BigDecimal::new));
        sorted.putAll(labels);
        return sorted;
    }
}
