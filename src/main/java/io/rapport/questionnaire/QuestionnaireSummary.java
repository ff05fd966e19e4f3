package io.rapport.questionnaire;

import java.util.List;
import java.util.stream.Stream;

/** One instrument version in the catalog listing. */
public record QuestionnaireSummary(
        String id,
        String version,
        String title,
        String construct,
        String rater,
        int itemCount,
        List<String> languages,
        boolean released,
        Licence licence,
        String citation) {

    /**
     * Whether clients see the project's placeholder wording or licensed wording from an installed content pack.
     * {@code textSource} describes the instrument's default language.
     */
    public record Licence(String terms, String copyright, TextSource textSource, List<String> contentPackLanguages) {
    }

    static QuestionnaireSummary of(QuestionnaireCatalog catalog, QuestionnaireDefinition d) {
        return new QuestionnaireSummary(d.id(), d.version(), d.title(), d.construct(), d.rater(), d.items().size(),
                languages(catalog, d), catalog.isReleased(d.id(), d.version()), licence(catalog, d), d.citation());
    }

    /** The definition's languages (default first), then any further languages only the content pack has. */
    static List<String> languages(QuestionnaireCatalog catalog, QuestionnaireDefinition d) {
        return Stream.concat(d.languages().stream(), catalog.contentPackLanguages(d.id(), d.version()).stream())
                .distinct().toList();
    }

    static Licence licence(QuestionnaireCatalog catalog, QuestionnaireDefinition d) {
        TextSource source = catalog.text(d.id(), d.version(), d.defaultLanguage()).orElseThrow().source();
        return new Licence(d.licence(), d.copyright(), source, catalog.contentPackLanguages(d.id(), d.version()));
    }
}
