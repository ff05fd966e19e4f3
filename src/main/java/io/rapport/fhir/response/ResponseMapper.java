package io.rapport.fhir.response;

import java.math.BigDecimal;
import java.util.Date;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;

import io.rapport.delivery.DeliveryRecords.ResponseRecord;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.questionnaire.QuestionnaireMapper;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.ResponseType;

/**
 * A stored response as a QuestionnaireResponse, whichever channel it came through. Answers have the type the
 * Questionnaire's item says: a {@code valueCoding} of the answer code system for choice items, a
 * {@code valueDecimal} for sliders.
 */
public final class ResponseMapper {

    /** Names the Task a response answers, for clients that cannot put a Task in {@code basedOn}. */
    public static final String TASK_EXTENSION = Fhir.SYSTEM_BASE + "StructureDefinition/task";

    private ResponseMapper() {
    }

    public static QuestionnaireResponse toFhir(ResponseRecord r, QuestionnaireDefinition d) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(r.id().toString());
        qr.getMeta().setLastUpdated(Date.from(r.submittedAt()));
        qr.setStatus(QuestionnaireResponseStatus.COMPLETED);
        qr.setQuestionnaire(QuestionnaireMapper.canonical(r.questionnaireId()) + "|" + r.questionnaireVersion());
        qr.addBasedOn(new Reference("Task/" + r.assignmentId()));
        if (r.clientId() != null) {
            qr.setSubject(new Reference("Patient/" + r.clientId()));
        }
        qr.setEncounter(new Reference("Encounter/" + r.sessionId()));
        qr.setAuthored(Date.from(r.submittedAt()));
        if (r.language() != null) {
            qr.setLanguage(r.language());
        }
        for (Item item : d.items()) {
            Object value = r.answers().get(item.id());
            if (value == null) {
                continue;
            }
            QuestionnaireResponseItemComponent answered = qr.addItem().setLinkId(item.id());
            String code = QuestionnaireMapper.NOT_APPLICABLE.equals(value) ? QuestionnaireMapper.NOT_APPLICABLE
                    : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
            if (item.type() == ResponseType.VAS) {
                if (!code.equals(QuestionnaireMapper.NOT_APPLICABLE)) {
                    answered.addAnswer().setValue(new DecimalType(new BigDecimal(value.toString())));
                }
            } else {
                answered.addAnswer().setValue(new Coding(QuestionnaireMapper.ANSWER_SYSTEM, code, null));
            }
        }
        return qr;
    }
}
