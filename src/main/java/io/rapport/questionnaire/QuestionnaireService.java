package io.rapport.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;

/** Read-only access to the catalog for the API. */
@ApplicationScoped
public class QuestionnaireService {

    private final QuestionnaireCatalog catalog;

    public QuestionnaireService(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    public List<QuestionnaireSummary> list() {
        return catalog.all().stream().map(d -> QuestionnaireSummary.of(catalog, d)).toList();
    }

    /** @param languages the caller's preferences, best first; the catalog's fallback applies when none is available */
    public QuestionnaireDetail detail(String id, String version, List<Locale> languages) {
        QuestionnaireDefinition d = definition(id, version);
        QuestionnaireText text = null;
        for (String language : candidates(languages)) {
            QuestionnaireText candidate = catalog.text(d.id(), d.version(), language).orElseThrow();
            if (candidate.language().equals(language)) {
                text = candidate;
                break;
            }
        }
        if (text == null) {
            text = catalog.text(d.id(), d.version(), d.defaultLanguage()).orElseThrow();
        }
        return QuestionnaireDetail.of(catalog, d, text);
    }

    /**
     * The named version, else the latest released one; an instrument with no released version yet is served in
     * its latest version, marked {@code released: false}, so it can be previewed.
     */
    public QuestionnaireDefinition definition(String id, String version) {
        if (version != null) {
            return catalog.get(id, version).orElseThrow(() -> catalog.latest(id).isPresent()
                    ? notFound("version", "no version " + version + " of questionnaire " + id)
                    : notFound("id", "no questionnaire " + id));
        }
        return catalog.latestReleased(id).or(() -> catalog.latest(id))
                .orElseThrow(() -> notFound("id", "no questionnaire " + id));
    }

    private static ApiException notFound(String field, String message) {
        return new ApiException(404, "not-found", "Not Found", message, List.of(new FieldError(field, message)));
    }

    /** Each preferred language tag, then its primary language alone (en-GB, en), skipping the wildcard. */
    private static List<String> candidates(List<Locale> languages) {
        List<String> tags = new ArrayList<>();
        for (Locale locale : languages) {
            if (locale.getLanguage().isEmpty() || "*".equals(locale.getLanguage())) {
                continue;
            }
            String tag = locale.toLanguageTag();
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
            if (!tags.contains(locale.getLanguage())) {
                tags.add(locale.getLanguage());
            }
        }
        return tags;
    }
}
