package io.rapport.delivery.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.delivery.Assignment;
import io.rapport.delivery.DeliveryPolicy;
import io.rapport.delivery.FormMessages;
import io.rapport.delivery.FormTexts;
import io.rapport.delivery.ResponseRecorder;
import io.rapport.delivery.SessionContext;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.QuestionnaireText;
import io.rapport.questionnaire.ResponseType;

/** Turns a session's open assignments, with any answers and problems of a failed submission, into a page. */
@ApplicationScoped
public class FormPageBuilder {

    static final String NOT_APPLICABLE = "na";

    /** An assignment and the instrument version it asks for. */
    public record Part(Assignment assignment, QuestionnaireDefinition definition) {
    }

    /**
     * The parts of a page: those of {@code assignments} that are still open for {@code rater}, in their order. A
     * client's page never shows a therapist's form, nor a therapist's page a client's.
     */
    public static List<Part> openParts(List<Assignment> assignments, String rater, ResponseRecorder recorder) {
        Instant now = Instant.now();
        return assignments.stream()
                .filter(a -> a.rater.equals(rater) && a.effectiveStatus(now) == Assignment.Status.open)
                .map(a -> new Part(a, recorder.definition(a))).toList();
    }

    private final QuestionnaireCatalog catalog;
    private final FormTexts texts;
    private final DeliveryPolicy policy;

    public FormPageBuilder(QuestionnaireCatalog catalog, FormTexts texts, DeliveryPolicy policy) {
        this.catalog = catalog;
        this.texts = texts;
        this.policy = policy;
    }

    /** The form field carrying one item's answer. */
    public static String fieldName(Assignment a, Item item) {
        return "a." + a.id + "." + item.id();
    }

    /**
     * @param values raw submitted values by field name, empty on first display
     * @param problems messages by field name, already in the page's language
     */
    public FormView build(String lang, SessionContext ctx, List<Part> parts, Map<String, String> values,
            Map<String, String> problems, String csrf) {
        FormMessages t = texts.in(lang);
        boolean named = ctx.therapistName() != null && !ctx.therapistName().isBlank();
        String date = FormTexts.date(ctx.occurredAt(), lang);
        // A visit holds one rater's forms only, so the first part says whose page this is.
        boolean therapist = !parts.isEmpty() && parts.get(0).assignment().therapistRated();
        String intro = therapist ? t.therapistIntro(date)
                : named ? t.intro(ctx.therapistName(), date) : t.introUnnamed(date);
        List<FormView.Part> views = new ArrayList<>();
        List<FormView.ErrorLink> errors = new ArrayList<>();
        int total = 0;
        int answered = 0;
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            QuestionnaireDefinition d = part.definition();
            QuestionnaireText text = catalog.text(d.id(), d.version(), lang).orElseThrow();
            String label = parts.size() == 1 ? ""
                    : t.part(p + 1, parts.size());
            List<FormView.Question> questions = new ArrayList<>();
            for (Item item : d.items()) {
                String name = fieldName(part.assignment(), item);
                String id = "p" + (p + 1) + "-q" + item.id().replaceAll("[^A-Za-z0-9_-]", "-");
                String value = values.getOrDefault(name, "");
                String error = problems.get(name);
                total++;
                if (!value.isBlank()) {
                    answered++;
                }
                FormView.Question q = question(t, text, item, name, id, value, error);
                if (error != null) {
                    errors.add(new FormView.ErrorLink("#" + q.inputId(), (label.isEmpty() ? "" : label + ", ")
                            + t.question() + " " + item.id() + ": " + error));
                }
                questions.add(q);
            }
            views.add(new FormView.Part(label, text.language(), questions));
        }
        // The script counts answers as they are given, filling the same text's placeholders.
        return new FormView(lang, therapist ? t.therapistTitle() : t.title(), t.errorSummary(), t.submit(),
                t.progress("{answered}", "{total}"), intro,
                !therapist && policy.candourLine(ctx.organizationId()) ? t.candour() : null,
                t.progress(answered, total), total,
                csrf, errors, views);
    }

    private FormView.Question question(FormMessages t, QuestionnaireText text, Item item,
            String name, String id, String value, String error) {
        Map<String, String> anchors = text.anchors().getOrDefault(item.id(), Map.of());
        String min = plain(item.min());
        String max = plain(item.max());
        String minLabel = anchors.getOrDefault(min, min);
        String maxLabel = anchors.getOrDefault(max, max);
        String itemText = text.items().getOrDefault(item.id(), "");
        if (item.type() == ResponseType.LIKERT) {
            List<FormView.Option> options = new ArrayList<>();
            for (BigDecimal v = item.min(); v.compareTo(item.max()) <= 0; v = v.add(item.step())) {
                String plain = plain(v);
                options.add(new FormView.Option(id + "-" + plain.replace('.', '_'), plain, plain,
                        anchors.getOrDefault(plain, ""), plain.equals(value)));
            }
            if (item.allowNotApplicable()) {
                options.add(new FormView.Option(id + "-na", NOT_APPLICABLE, "–", t.na(),
                        NOT_APPLICABLE.equals(value)));
            }
            String hint = t.scaleHint(minLabel, min, maxLabel, max);
            return new FormView.Question(id, name, item.id(), itemText, true, options, hint, min, max,
                    plain(item.step()), value, "", minLabel, maxLabel, "", error, options.get(0).id());
        }
        BigDecimal middle = item.min().add(item.max()).divide(BigDecimal.valueOf(2), item.step().scale(),
                RoundingMode.HALF_UP);
        String sliderValue = isNumber(value) ? value : plain(middle);
        return new FormView.Question(id, name, item.id(), itemText, false, List.of(),
                t.vasHint(min, max), min, max, plain(item.step()), value,
                sliderValue, minLabel, maxLabel, t.vasNumber(min, max),
                error, id + "-number");
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
