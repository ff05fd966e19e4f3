package io.rapport.fhir.observation;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import io.rapport.alert.Alert;
import io.rapport.alert.AlertView;
import io.rapport.delivery.ScoreRecords.ScaleScore;
import io.rapport.fhir.Fhir;
import io.rapport.questionnaire.Cutoff;
import io.rapport.questionnaire.Direction;
import io.rapport.questionnaire.QuestionnaireDefinition;

/** Scores as Observations and alerts as Flags. */
final class ObservationMapper {

    /** Rapport's score codes: {@code <instrument>/<scale>}, scale {@code total} or a subscale key. */
    static final String SCORE_SYSTEM = Fhir.SYSTEM_BASE + "CodeSystem/score";
    /** Rapport's trend event types, as the alerts name them: {@code reliable-drop}, {@code repair}, ... */
    static final String EVENT_SYSTEM = Fhir.SYSTEM_BASE + "CodeSystem/trend-event";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";

    private ObservationMapper() {
    }

    /**
     * @param definition the response's instrument version, for the display text and the cited cutoff; null when
     *        the catalog no longer has it
     */
    static Observation observation(ScaleScore s, UUID clientId, Instant occurredAt, QuestionnaireDefinition definition) {
        Observation o = new Observation();
        o.setId(ObservationId.of(s.responseId(), s.scale()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory().addCoding(new Coding(CATEGORY, "survey", "Survey"));
        String display = (definition == null ? s.questionnaireId() : definition.title()) + ", "
                + (QuestionnaireDefinition.TOTAL.equals(s.scale()) ? "total score" : s.scale() + " subscale");
        o.getCode().addCoding(new Coding(SCORE_SYSTEM, s.questionnaireId() + "/" + s.scale(), display));
        o.getCode().setText(display);
        o.setSubject(new Reference("Patient/" + clientId));
        o.setEncounter(new Reference("Encounter/" + s.sessionId()));
        o.setEffective(utc(occurredAt));
        o.setIssued(Date.from(s.submittedAt()));
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + s.responseId()));
        // The scorer gives no unit, and no UCUM unit is cited for these scores.
        o.setValue(new Quantity().setValue(s.value()));
        Cutoff cutoff = definition == null ? null
                : definition.interpretation().stream().filter(c -> c.scale().equals(s.scale())).findFirst()
                        .orElse(null);
        if (cutoff != null) {
            boolean below = cutoff.direction() == Direction.BELOW;
            var range = o.addReferenceRange().setText(cutoff.label() + " (" + cutoff.source() + ")");
            // The side that is not of concern starts at the cutoff.
            if (below) {
                range.setLow(new Quantity().setValue(cutoff.value()));
            } else {
                range.setHigh(new Quantity().setValue(cutoff.value()));
            }
            if (cutoff.isConcern(s.value())) {
                o.addInterpretation().addCoding(below ? new Coding(INTERPRETATION, "L", "Low")
                        : new Coding(INTERPRETATION, "H", "High"));
            }
        }
        return o;
    }

    /** @param sessionId the session the alert's session number names, null when unknown */
    static Flag flag(AlertView a, UUID clientId, UUID sessionId) {
        Flag f = new Flag();
        f.setId(a.id().toString());
        f.setStatus(Alert.OPEN.equals(a.status()) ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        f.addCategory().addCoding(new Coding(FLAG_CATEGORY, "clinical", "Clinical"));
        f.getCode().addCoding(new Coding(EVENT_SYSTEM, a.type(), a.type()));
        f.getCode().setText(a.explanation() != null ? a.explanation()
                : a.type() + " on " + a.questionnaireId() + " at session " + a.sessionNumber());
        f.setSubject(new Reference("Patient/" + clientId));
        if (sessionId != null) {
            f.setEncounter(new Reference("Encounter/" + sessionId));
        }
        f.getPeriod().setStartElement(utc(a.createdAt()));
        if (a.acknowledgedAt() != null) {
            f.getPeriod().setEndElement(utc(a.acknowledgedAt()));
        }
        return f;
    }

    private static DateTimeType utc(Instant t) {
        return new DateTimeType(Date.from(t), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
    }
}
