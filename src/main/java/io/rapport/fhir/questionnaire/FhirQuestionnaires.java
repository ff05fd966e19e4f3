package io.rapport.fhir.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Questionnaire;

import io.rapport.fhir.FhirException;
import io.rapport.fhir.SearchParams;
import io.rapport.questionnaire.QuestionnaireDetail;
import io.rapport.questionnaire.QuestionnaireService;
import io.rapport.questionnaire.QuestionnaireSummary;

/** The catalog as FHIR Questionnaires: every instrument version, in its default language with translations. */
@ApplicationScoped
public class FhirQuestionnaires {

    private final QuestionnaireService questionnaires;

    public FhirQuestionnaires(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** Search parameters; null ones do not filter. */
    public record Search(String url, String version, String name, String status) {
    }

    public Questionnaire read(String fhirId) {
        return questionnaires.list().stream()
                .filter(s -> QuestionnaireMapper.fhirId(s.id(), s.version()).equals(fhirId)).findFirst()
                .map(this::toFhir).orElseThrow(() -> FhirException.notFound("Questionnaire", fhirId));
    }

    /** The instrument version a canonical {@code url|version} names, if the catalog has it. */
    public Optional<QuestionnaireSummary> byCanonical(String url, String version) {
        return questionnaires.list().stream()
                .filter(s -> QuestionnaireMapper.canonical(s.id()).equals(url) && s.version().equals(version))
                .findFirst();
    }

    public List<Questionnaire> search(Search search) {
        String url = SearchParams.unescape(search.url());
        String version = SearchParams.unescape(search.version());
        if (url != null && url.contains("|")) {
            QuestionnaireMapper.Canonical canonical = QuestionnaireMapper.Canonical.parse(url);
            url = canonical.url();
            version = canonical.version();
        }
        String wantedUrl = url;
        String wantedVersion = version;
        return questionnaires.list().stream()
                .filter(s -> wantedUrl == null || QuestionnaireMapper.canonical(s.id()).equals(wantedUrl))
                .filter(s -> wantedVersion == null || s.version().equals(wantedVersion))
                .filter(s -> search.name() == null
                        || QuestionnaireMapper.startsWithIgnoringCase(QuestionnaireMapper.name(s.id()), search.name()))
                .filter(s -> search.status() == null || status(s).equals(search.status()))
                .map(this::toFhir).toList();
    }

    private static String status(QuestionnaireSummary s) {
        return s.released() ? "active" : "draft";
    }

    private Questionnaire toFhir(QuestionnaireSummary s) {
        QuestionnaireDetail main = questionnaires.detail(s.id(), s.version(), List.of());
        Map<String, QuestionnaireDetail> translations = new LinkedHashMap<>();
        for (String language : main.languages()) {
            if (!language.equals(main.language())) {
                QuestionnaireDetail other = questionnaires.detail(s.id(), s.version(),
                        List.of(Locale.forLanguageTag(language)));
                if (other.language().equals(language)) {
                    translations.put(language, other);
                }
            }
        }
        // Scoring tolerates no missing item, so the form must ask for every one.
        boolean required = main.scoring().maxMissing() == 0;
        return QuestionnaireMapper.toFhir(main, translations, required);
    }
}
