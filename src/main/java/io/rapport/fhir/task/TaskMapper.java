package io.rapport.fhir.task;

import java.time.Instant;
import java.util.Date;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;

import io.rapport.delivery.DeliveryRecords.AssignmentRecord;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.questionnaire.QuestionnaireMapper;

/**
 * An assignment as an SDC "questionnaire task": the client ({@code for}) is asked to complete the Questionnaire
 * ({@code focus}, and the SDC {@code questionnaire} input) by {@code restriction.period.end}; once answered,
 * {@code output} names the QuestionnaireResponse.
 */
public final class TaskMapper {

    /** SDC's Task code for "complete this questionnaire" (SDC ValueSet task-code, CodeSystem temp). */
    static final String SDC_TEMP = "http://hl7.org/fhir/uv/sdc/CodeSystem/temp";
    static final String COMPLETE_QUESTIONNAIRE = "complete-questionnaire";
    /** Why a Task is cancelled: Rapport's own codes, as base R4 has no value set for Task.statusReason. */
    public static final String STATUS_REASON_SYSTEM = Fhir.SYSTEM_BASE + "CodeSystem/task-status-reason";
    /** Codes of Task.performerType: {@code client} or {@code therapist}, the questionnaire's rater. */
    public static final String RATER_SYSTEM = "urn:rapport:fhir:rater";
    public static final String EXPIRED = "expired";
    public static final String WITHDRAWN = "withdrawn";

    private TaskMapper() {
    }

    public static Task toFhir(AssignmentRecord a, String questionnaireTitle) {
        Task t = new Task();
        t.setId(a.id().toString());
        Instant changed = a.completedAt() != null ? a.completedAt() : a.createdAt();
        t.getMeta().setLastUpdated(Date.from(changed));
        t.setIntent(TaskIntent.ORDER);
        switch (a.status()) {
            case open -> t.setStatus(TaskStatus.REQUESTED);
            case completed -> t.setStatus(TaskStatus.COMPLETED);
            // Not answered in time. R4's "failed" means an attempt that went wrong; nobody attempted this one, it
            // was simply not done, which is "cancelled" ("the task was not completed"); the reason tells which.
            case expired -> t.setStatus(TaskStatus.CANCELLED).setStatusReason(reason(EXPIRED,
                    "Not answered before the link expired"));
            // Cancelled when the client's data was erased.
            case cancelled -> t.setStatus(TaskStatus.CANCELLED).setStatusReason(reason(WITHDRAWN,
                    "Withdrawn: the client's data was erased"));
        }
        t.setCode(new CodeableConcept(new Coding(SDC_TEMP, COMPLETE_QUESTIONNAIRE, "Complete Questionnaire")));
        String canonical = QuestionnaireMapper.canonical(a.questionnaireId()) + "|" + a.questionnaireVersion();
        t.setFocus(new Reference(canonical).setType("Questionnaire").setDisplay(questionnaireTitle));
        t.addInput().setType(new CodeableConcept().setText("questionnaire")).setValue(new CanonicalType(canonical));
        if (a.clientId() != null) {
            t.setFor(new Reference("Patient/" + a.clientId()));
        }
        // Who answers: the client, or the therapist rating the session themself (issue 16).
        t.addPerformerType(new CodeableConcept(new Coding(RATER_SYSTEM, a.rater(), a.rater())).setText(a.rater()));
        t.setEncounter(new Reference("Encounter/" + a.sessionId()));
        t.setAuthoredOn(Date.from(a.createdAt()));
        t.setLastModified(Date.from(changed));
        t.getRestriction().getPeriod().setEnd(Date.from(a.expiresAt()));
        if (a.responseId() != null) {
            t.addOutput().setType(new CodeableConcept().setText("QuestionnaireResponse"))
                    .setValue(new Reference("QuestionnaireResponse/" + a.responseId()));
        }
        return t;
    }

    private static CodeableConcept reason(String code, String text) {
        return new CodeableConcept(new Coding(STATUS_REASON_SYSTEM, code, text)).setText(text);
    }
}
