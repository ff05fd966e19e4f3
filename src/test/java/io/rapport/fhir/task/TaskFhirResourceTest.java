package io.rapport.fhir.task;

import static io.rapport.fhir.FhirApi.as;
import static io.rapport.fhir.FhirApi.expressions;
import static io.rapport.fhir.FhirApi.outcome;
import static io.rapport.fhir.task.TaskFlow.only;
import static io.rapport.fhir.task.TaskFlow.search;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.fhir.FhirApi;
import io.rapport.fhir.FhirValidation;
import io.restassured.http.ContentType;

/** Assignments as SDC questionnaire Tasks: what a client still has to answer, found the FHIR way. */
@QuarkusTest
class TaskFhirResourceTest {

    static final String SRS = "urn:rapport:fhir:Questionnaire/session-rating-4|1.0.0";

    String key;
    Patient patient;
    String patientId;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
        patient = TaskFlow.patient(key, "c-1");
        patientId = patient.getIdElement().getIdPart();
    }

    @Test
    void shouldShowTheOpenAssignmentOfAnEncounterAsARequestedTask() {
        Encounter encounter = TaskFlow.encounter(key, "c-1");
        String encounterId = encounter.getIdElement().getIdPart();

        Bundle open = search(key, "/fhir/Task?patient=Patient/" + patientId + "&status=requested");
        Task task = only(open, Task.class);
        assertThat(open.getTotal()).isEqualTo(1);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(TaskIntent.ORDER);
        assertThat(task.getFocus().getReference()).isEqualTo(SRS);
        assertThat(((CanonicalType) task.getInputFirstRep().getValue()).getValue()).isEqualTo(SRS);
        assertThat(task.getFor().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(task.getEncounter().getReference()).isEqualTo("Encounter/" + encounterId);
        assertThat(task.getRestriction().getPeriod().getEnd()).isInTheFuture();
        assertThat(task.hasOutput()).isFalse();
        assertThat(FhirValidation.errors(task)).isEmpty();

        Task read = FhirApi.read(as(key).get("/fhir/Task/" + task.getIdElement().getIdPart()), Task.class);
        assertThat(read.getIdElement().getIdPart()).isEqualTo(task.getIdElement().getIdPart());
        assertThat(FhirValidation.errors(read)).isEmpty();
        // The same Task by its encounter, and by a bare patient id.
        assertThat(search(key, "/fhir/Task?encounter=Encounter/" + encounterId).getTotal()).isEqualTo(1);
        assertThat(search(key, "/fhir/Task?patient=" + patientId + "&status=completed").getTotal()).isZero();
    }

    @Test
    void shouldShowAnAnsweredAssignmentAsACompletedTaskWithItsResponse() {
        Map<String, Object> session = Api.as(key).body(Api.session("c-1", "t-1")).post("/api/v1/sessions").then()
                .statusCode(201).extract().as(Map.class);
        List<Map<String, Object>> assignments = (List<Map<String, Object>>) session.get("assignments");
        String assignmentId = (String) assignments.get(0).get("id");
        String url = (String) assignments.get(0).get("formUrl");
        given().contentType(ContentType.JSON).body("{\"answers\":{\"1\":9,\"2\":8.5,\"3\":7,\"4\":10}}")
                .post("/api/v1/forms/" + url.substring(url.lastIndexOf('/') + 1) + "/responses").then()
                .statusCode(201);
        String responseId = Api.as(key).get("/api/v1/pairs/" + session.get("pairId") + "/responses").then()
                .statusCode(200).extract().path("items[0].id");

        Task task = FhirApi.read(as(key).get("/fhir/Task/" + assignmentId), Task.class);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(((Reference) task.getOutputFirstRep().getValue()).getReference())
                .isEqualTo("QuestionnaireResponse/" + responseId);
        assertThat(FhirValidation.errors(task)).isEmpty();
        assertThat(search(key, "/fhir/Task?patient=" + patientId + "&status=completed").getTotal()).isEqualTo(1);
        assertThat(search(key, "/fhir/Task?patient=" + patientId + "&status=requested").getTotal()).isZero();
    }

    @Test
    void shouldShowAnExpiredAssignmentAsACancelledTaskWithItsReason() {
        TaskFlow.encounter(key, "c-1");
        Task task = only(search(key, "/fhir/Task?patient=" + patientId), Task.class);
        TaskFlow.sql("update assignment set expires_at = now() - interval '1 hour' where id = ?::uuid",
                task.getIdElement().getIdPart());

        Task expired = only(search(key, "/fhir/Task?patient=" + patientId + "&status=cancelled"), Task.class);
        assertThat(expired.getStatus()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(expired.getStatusReason().getCodingFirstRep().getCode()).isEqualTo(TaskMapper.EXPIRED);
        assertThat(FhirValidation.errors(expired)).isEmpty();
        assertThat(search(key, "/fhir/Task?patient=" + patientId + "&status=requested").getTotal()).isZero();
        assertThat(search(key, "/fhir/Task?patient=" + patientId + "&status=requested,cancelled").getTotal())
                .isEqualTo(1);
    }

    @Test
    void shouldPageASearchWithTotalAndNext() {
        for (int i = 0; i < 3; i++) {
            TaskFlow.encounter(key, "c-1");
        }
        TaskFlow.encounter(key, "c-2");
        Bundle first = search(key, "/fhir/Task?patient=" + patientId + "&_count=2");
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        String next = first.getLink("next").getUrl();
        Bundle second = FhirApi.read(as(key).get(next), Bundle.class);
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();
        assertThat(search(key, "/fhir/Task?status=requested").getTotal()).isEqualTo(4);
        assertThat(search(key, "/fhir/Task?_count=1000").getEntry()).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void shouldHideAnotherOrganizationsTasks() {
        TaskFlow.encounter(key, "c-1");
        String taskId = only(search(key, "/fhir/Task?patient=" + patientId), Task.class).getIdElement().getIdPart();
        String other = Api.newOrganization();

        outcome(as(other).get("/fhir/Task/" + taskId), 404);
        assertThat(search(other, "/fhir/Task?patient=" + patientId).getTotal()).isZero();
        assertThat(search(other, "/fhir/Task").getTotal()).isZero();
        outcome(as(key).get("/fhir/Task/not-a-uuid"), 404);
    }

    @Test
    void shouldNameABadStatus() {
        assertThat(expressions(outcome(as(key).get("/fhir/Task?status=open"), 400))).containsExactly("status");
        assertThat(search(key, "/fhir/Task?status=draft").getTotal()).isZero();
        assertThat(search(key, "/fhir/Task?patient=Practitioner/1").getTotal()).isZero();
    }
}
