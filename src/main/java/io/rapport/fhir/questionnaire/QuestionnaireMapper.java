package io.rapport.fhir.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;

import io.rapport.fhir.Fhir;
import io.rapport.questionnaire.QuestionnaireDetail;
import io.rapport.questionnaire.QuestionnaireDetail.ItemView;
import io.rapport.questionnaire.ResponseType;

/**
 * One catalog instrument version as a FHIR Questionnaire. Likert items are {@code choice} items whose options are
 * codings of the scale values; visual-analogue items are SDC sliders on a {@code decimal}.
 */
public final class QuestionnaireMapper {

    /** Canonical URLs: one per instrument, the version in {@code Questionnaire.version}. */
    public static final String CANONICAL_BASE = Fhir.SYSTEM_BASE + "Questionnaire/";
    /** The code system of answer codes: a scale value as written, or {@link #NOT_APPLICABLE}. */
    public static final String ANSWER_SYSTEM = Fhir.SYSTEM_BASE + "CodeSystem/answer";
    public static final String NOT_APPLICABLE = "na";

    static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    static final String ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String SLIDER_STEP = "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue";
    static final String MAX_DECIMAL_PLACES = "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces";
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    private QuestionnaireMapper() {
    }

    /** The FHIR id of an instrument version: {@code session-rating-4-1.0.0}. */
    public static String fhirId(String questionnaireId, String version) {
        return questionnaireId + "-" + version;
    }

    public static String canonical(String questionnaireId) {
        return CANONICAL_BASE + questionnaireId;
    }

    /** A machine-friendly name, as FHIR asks ({@code SessionRating4}). */
    public static String name(String questionnaireId) {
        StringBuilder name = new StringBuilder();
        for (String part : questionnaireId.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return Character.isLetter(name.charAt(0)) ? name.toString() : "Q" + name;
    }

    /**
     * @param main the wording in the instrument's default language
     * @param translations the wording in each further language, by language tag
     */
    public static Questionnaire toFhir(QuestionnaireDetail main, Map<String, QuestionnaireDetail> translations,
            boolean answersRequired) {
        Questionnaire q = new Questionnaire();
        q.setId(fhirId(main.id(), main.version()));
        q.setUrl(canonical(main.id()));
        q.setVersion(main.version());
        q.setName(name(main.id()));
        q.setTitle(main.title());
        q.setStatus(main.released() ? PublicationStatus.ACTIVE : PublicationStatus.DRAFT);
        q.setLanguage(main.language());
        q.addSubjectType("Patient");
        if (main.licence() != null && main.licence().copyright() != null) {
            q.setCopyright(main.licence().copyright());
        }
        for (ItemView item : main.items()) {
            QuestionnaireItemComponent fhirItem = q.addItem().setLinkId(item.id()).setText(item.text())
                    .setRequired(answersRequired);
            translations.forEach((language, detail) -> detail.items().stream()
                    .filter(i -> i.id().equals(item.id()) && i.text() != null).findFirst()
                    .ifPresent(t -> translate(fhirItem.getTextElement(), language, t.text())));
            if (item.type() == ResponseType.VAS) {
                slider(fhirItem, item);
            } else {
                choices(fhirItem, item);
            }
        }
        return q;
    }

    private static void slider(QuestionnaireItemComponent fhirItem, ItemView item) {
        fhirItem.setType(QuestionnaireItemType.DECIMAL);
        fhirItem.addExtension(ITEM_CONTROL,
                new CodeableConcept(new Coding(ITEM_CONTROL_SYSTEM, "slider", "Slider")));
        fhirItem.addExtension(MIN_VALUE, new DecimalType(item.min()));
        fhirItem.addExtension(MAX_VALUE, new DecimalType(item.max()));
        BigDecimal step = item.step() == null ? BigDecimal.ONE : item.step().stripTrailingZeros();
        if (step.scale() <= 0) {
            fhirItem.addExtension(SLIDER_STEP, new IntegerType(step.intValueExact()));
        } else {
            // sliderStepValue is an integer in R4, so a step of 0.1 is said by the number of decimal places.
            fhirItem.addExtension(MAX_DECIMAL_PLACES, new IntegerType(step.scale()));
        }
    }

    private static void choices(QuestionnaireItemComponent fhirItem, ItemView item) {
        fhirItem.setType(QuestionnaireItemType.CHOICE);
        BigDecimal step = item.step() == null ? BigDecimal.ONE : item.step();
        for (BigDecimal v = item.min(); v.compareTo(item.max()) <= 0; v = v.add(step)) {
            String code = v.stripTrailingZeros().toPlainString();
            String label = item.anchors().get(code);
            fhirItem.addAnswerOption().setValue(new Coding(ANSWER_SYSTEM, code, label == null ? code : label));
        }
        if (item.allowNotApplicable()) {
            fhirItem.addAnswerOption().setValue(new Coding(ANSWER_SYSTEM, NOT_APPLICABLE, "Not applicable"));
        }
    }

    private static void translate(StringType element, String language, String text) {
        Extension translation = element.addExtension().setUrl(TRANSLATION);
        translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType(language));
        translation.addExtension("content", new StringType(text));
    }

    /** {@code url} or {@code url|version}, as a FHIR canonical search gives it. */
    record Canonical(String url, String version) {

        static Canonical parse(String value) {
            int bar = value.indexOf('|');
            return bar < 0 ? new Canonical(value, null)
                    : new Canonical(value.substring(0, bar), value.substring(bar + 1));
        }
    }

    static boolean startsWithIgnoringCase(String value, String prefix) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
    }

    static List<String> nonEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
