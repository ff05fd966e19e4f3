package io.rapport.fhir.response;

import static io.rapport.fhir.FhirApi.as;
import static io.rapport.fhir.FhirApi.expressions;
import static io.rapport.fhir.FhirApi.outcome;
import static io.rapport.fhir.task.TaskFlow.only;
import static io.rapport.fhir.task.TaskFlow.search;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirApi;
import io.rapport.fhir.FhirValidation;
import io.rapport.fhir.task.TaskFlow;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** QuestionnaireResponses: posted ones complete their Task through the form's path; every stored one reads back. */
@QuarkusTest
class QuestionnaireResponseFhirResourceTest {

    static final String SRS = "urn:rapport:fhir:Questionnaire/session-rating-4|1.0.0";
    static final String WAI = "urn:rapport:fhir:Questionnaire/wai-sr|1.0.0";
    static final String ANSWER = "urn:rapport:fhir:CodeSystem/answer";

    String key;
    String patientId;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
        patientId = TaskFlow.patient(key, "c-1").getIdElement().getIdPart();
    }

    /** The open Task of a new Encounter for the instrument. */
    Task openTask(String canonical) {
        TaskFlow.encounter(key, "c-1");
        return search(key, "/fhir/Task?patient=" + patientId + "&status=requested").getEntry().stream()
                .map(e -> (Task) e.getResource()).filter(t -> t.getFocus().getReference().equals(canonical))
                .findFirst().orElseThrow();
    }

    static QuestionnaireResponse response(Task task, String canonical, Type... answers) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setStatus(QuestionnaireResponseStatus.COMPLETED);
        qr.addBasedOn(new Reference("Task/" + task.getIdElement().getIdPart()));
        qr.setQuestionnaire(canonical);
        qr.setSubject(task.getFor().copy());
        for (int i = 0; i < answers.length; i++) {
            qr.addItem().setLinkId(String.valueOf(i + 1)).addAnswer().setValue(answers[i]);
        }
        return qr;
    }

    static Type[] srs(String... values) {
        return java.util.Arrays.stream(values).map(v -> new DecimalType(new BigDecimal(v))).toArray(Type[]::new);
    }

    Response post(String as, QuestionnaireResponse qr) {
        return as(as).body(Fhir.encode(qr)).post("/fhir/QuestionnaireResponse");
    }

    @Test
    void shouldCompleteTheTaskScoredLikeAFormSubmissionAndRefuseASecondResponse() {
        Task task = openTask(SRS);
        Response created = post(key, response(task, SRS, srs("9", "8.5", "7", "10")));
        created.then().statusCode(201);
        QuestionnaireResponse qr = FhirApi.read(created, QuestionnaireResponse.class);
        String id = qr.getIdElement().getIdPart();
        assertThat(created.header("Location")).endsWith("/fhir/QuestionnaireResponse/" + id);
        assertThat(qr.getBasedOnFirstRep().getReference()).isEqualTo("Task/" + task.getIdElement().getIdPart());
        assertThat(qr.getEncounter().getReference()).isEqualTo(task.getEncounter().getReference());
        assertThat(FhirValidation.errors(qr)).isEmpty();

        Task done = FhirApi.read(as(key).get("/fhir/Task/" + task.getIdElement().getIdPart()), Task.class);
        assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(((Reference) done.getOutputFirstRep().getValue()).getReference())
                .isEqualTo("QuestionnaireResponse/" + id);
        // Scored and stored as a submission: the pair's history has it, with the form's total.
        String pairId = Api.as(key).queryParam("therapistId", "t-1").get("/api/v1/pairs").then().extract()
                .path("items[0].id");
        Api.as(key).get("/api/v1/pairs/" + pairId + "/responses").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].channel", equalTo("fhir"))
                .body("items[0].score.total", equalTo(34.5f));

        // One audit row of the submission, naming the EHR's key (not the client's link) and the client; the read
        // leaves one more.
        as(key).get("/fhir/QuestionnaireResponse/" + id).then().statusCode(200);
        Api.as(key).queryParam("objectType", "response").queryParam("objectId", id).get("/api/v1/audit").then()
                .statusCode(200).body("total", equalTo(2)).body("items.action", org.hamcrest.Matchers.hasItems(
                        "submit", "read"))
                .body("items.clientId", org.hamcrest.Matchers.everyItem(equalTo(patientId)))
                .body("items.actor", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("client-link")));

        Response again = post(key, response(task, SRS, srs("1", "1", "1", "1")));
        assertThat(expressions(outcome(again, 409))).containsExactly("QuestionnaireResponse.basedOn");
        Api.as(key).get("/api/v1/pairs/" + pairId + "/responses").then().body("total", equalTo(1));
    }

    @Test
    void shouldListEveryInvalidItemAndStoreNothing() {
        Task task = openTask(SRS);
        QuestionnaireResponse qr = response(task, SRS, new Coding(ANSWER, "5", null),
                new DecimalType(new BigDecimal("11")));
        qr.addItem().setLinkId("99").addAnswer().setValue(new DecimalType(1));
        qr.addItem().setLinkId("3");
        Response invalid = post(key, qr);
        assertThat(expressions(outcome(invalid, 422))).containsExactly("QuestionnaireResponse.item[0].answer[0]",
                "QuestionnaireResponse.item[1].answer[0]", "QuestionnaireResponse.item[2].linkId",
                "QuestionnaireResponse.item[3].answer", "QuestionnaireResponse.item.where(linkId='4')");

        Task still = FhirApi.read(as(key).get("/fhir/Task/" + task.getIdElement().getIdPart()), Task.class);
        assertThat(still.getStatus()).isEqualTo(TaskStatus.REQUESTED);
        assertThat(search(key, "/fhir/QuestionnaireResponse?patient=" + patientId).getTotal()).isZero();
        post(key, response(task, SRS, srs("9", "8.5", "7", "10"))).then().statusCode(201);
    }

    @Test
    void shouldTakeChoiceAnswersAsCodingsOfTheScale() {
        TaskFlow.askBoth(key);
        Task task = openTask(WAI);
        Type[] answers = new Type[12];
        for (int i = 0; i < 12; i++) {
            answers[i] = new Coding(ANSWER, String.valueOf(1 + i % 5), null);
        }
        QuestionnaireResponse offScale = response(task, WAI, answers);
        offScale.getItem().get(4).getAnswerFirstRep().setValue(new Coding(ANSWER, "9", null));
        offScale.getItem().get(6).getAnswerFirstRep().setValue(new DecimalType(3));
        assertThat(expressions(outcome(post(key, offScale), 422))).containsExactly(
                "QuestionnaireResponse.item[4].answer[0]", "QuestionnaireResponse.item[6].answer[0]");

        Response created = post(key, response(task, WAI, answers));
        created.then().statusCode(201);
        QuestionnaireResponse qr = FhirApi.read(created, QuestionnaireResponse.class);
        assertThat(qr.getItem()).hasSize(12);
        assertThat(qr.getItemFirstRep().getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("1");
        assertThat(FhirValidation.errors(qr)).isEmpty();
    }

    @Test
    void shouldNameTheTaskQuestionnaireOrSubjectThatDoesNotFit() {
        Task task = openTask(SRS);
        QuestionnaireResponse wrongVersion = response(task, SRS.replace("1.0.0", "9.9.9"), srs("1", "1", "1", "1"));
        assertThat(expressions(outcome(post(key, wrongVersion), 422)))
                .containsExactly("QuestionnaireResponse.questionnaire");
        QuestionnaireResponse noVersion = response(task, SRS.substring(0, SRS.indexOf('|')), srs("1", "1", "1", "1"));
        assertThat(expressions(outcome(post(key, noVersion), 422)))
                .containsExactly("QuestionnaireResponse.questionnaire");

        String otherPatient = TaskFlow.patient(key, "c-2").getIdElement().getIdPart();
        QuestionnaireResponse wrongSubject = response(task, SRS, srs("1", "1", "1", "1"))
                .setSubject(new Reference("Patient/" + otherPatient));
        assertThat(expressions(outcome(post(key, wrongSubject), 422))).containsExactly("QuestionnaireResponse.subject");

        QuestionnaireResponse noTask = response(task, SRS, srs("1", "1", "1", "1"));
        noTask.getBasedOn().clear();
        assertThat(expressions(outcome(post(key, noTask), 422))).containsExactly("QuestionnaireResponse.basedOn");

        // The Task named by the extension instead, and the subject by the EHR's identifier.
        QuestionnaireResponse byExtension = response(task, SRS, srs("1", "2", "3", "4"));
        byExtension.getBasedOn().clear();
        byExtension.addExtension(ResponseMapper.TASK_EXTENSION,
                new Reference("Task/" + task.getIdElement().getIdPart()));
        byExtension.setSubject(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier().setValue("c-1")));
        post(key, byExtension).then().statusCode(201);
    }

    @Test
    void shouldKeepAnotherOrganizationsTasksAndResponsesOutOfReach() {
        Task task = openTask(SRS);
        String other = Api.newOrganization();
        assertThat(expressions(outcome(post(other, response(task, SRS, srs("1", "1", "1", "1"))), 422)))
                .containsExactly("QuestionnaireResponse.basedOn");
        String id = FhirApi.read(post(key, response(task, SRS, srs("1", "1", "1", "1"))), QuestionnaireResponse.class)
                .getIdElement().getIdPart();
        outcome(as(other).get("/fhir/QuestionnaireResponse/" + id), 404);
        outcome(as(other).get("/fhir/Task/" + task.getIdElement().getIdPart()), 404);
        assertThat(search(other, "/fhir/QuestionnaireResponse?patient=" + patientId).getTotal()).isZero();
        assertThat(search(other, "/fhir/QuestionnaireResponse").getTotal()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReadAResponseFromTheFormLinkAsAQuestionnaireResponse() {
        Map<String, Object> session = Api.as(key).body(Api.session("c-1", "t-1")).post("/api/v1/sessions").then()
                .statusCode(201).extract().as(Map.class);
        Map<String, Object> assignment = ((List<Map<String, Object>>) session.get("assignments")).get(0);
        String url = (String) assignment.get("formUrl");
        given().contentType(ContentType.JSON).body("{\"answers\":{\"1\":9,\"2\":8.5,\"3\":7,\"4\":10}}")
                .post("/api/v1/forms/" + url.substring(url.lastIndexOf('/') + 1) + "/responses").then()
                .statusCode(201);
        String responseId = Api.as(key).get("/api/v1/pairs/" + session.get("pairId") + "/responses").then()
                .extract().path("items[0].id");

        QuestionnaireResponse qr = only(search(key, "/fhir/QuestionnaireResponse?patient=Patient/" + patientId),
                QuestionnaireResponse.class);
        assertThat(qr.getIdElement().getIdPart()).isEqualTo(responseId);
        assertThat(qr.getStatus()).isEqualTo(QuestionnaireResponseStatus.COMPLETED);
        assertThat(qr.getBasedOnFirstRep().getReference()).isEqualTo("Task/" + assignment.get("id"));
        assertThat(qr.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(qr.getEncounter().getReference()).isEqualTo("Encounter/" + session.get("id"));
        assertThat(qr.getQuestionnaire()).isEqualTo(SRS);
        assertThat(qr.getAuthored()).isNotNull();
        assertThat(qr.getItem().get(1).getAnswerFirstRep().getValueDecimalType().getValueAsString())
                .isEqualTo("8.5");
        assertThat(FhirValidation.errors(qr)).isEmpty();
        QuestionnaireResponse read = FhirApi.read(as(key).get("/fhir/QuestionnaireResponse/" + responseId),
                QuestionnaireResponse.class);
        assertThat(FhirValidation.errors(read)).isEmpty();
        outcome(as(key).get("/fhir/QuestionnaireResponse/not-a-uuid"), 404);
    }

    @Test
    void shouldSearchByAuthoredAndLastUpdatedWithPrefixesAndPage() {
        String[] days = { "2026-01-10T12:00:00Z", "2026-02-10T12:00:00Z", "2026-03-10T12:00:00Z" };
        for (String day : days) {
            Task task = openTask(SRS);
            String id = FhirApi.read(post(key, response(task, SRS, srs("5", "5", "5", "5"))),
                    QuestionnaireResponse.class).getIdElement().getIdPart();
            TaskFlow.sql("update response set submitted_at = '" + day + "' where id = ?::uuid", id);
        }
        String base = "/fhir/QuestionnaireResponse?patient=" + patientId;
        assertThat(total(base)).isEqualTo(3);
        assertThat(total(base + "&authored=ge2026-02-01")).isEqualTo(2);
        assertThat(total(base + "&authored=le2026-02-10")).isEqualTo(2);
        assertThat(total(base + "&authored=ge2026-02-01&authored=le2026-02-28")).isEqualTo(1);
        assertThat(total(base + "&authored=2026-02-10")).isEqualTo(1);
        assertThat(total(base + "&authored=eq2026-03")).isEqualTo(1);
        assertThat(total(base + "&authored=ge2026-03-10T12:00:00Z")).isEqualTo(1);
        assertThat(total(base + "&authored=lt2026-03-10T12:00:00Z")).isEqualTo(2);
        assertThat(total(base + "&_lastUpdated=ge2026-03-01")).isEqualTo(1);
        assertThat(total(base + "&_lastUpdated=le2026-01-31&authored=ge2026-01-01")).isEqualTo(1);
        assertThat(total("/fhir/QuestionnaireResponse?questionnaire=" + SRS)).isEqualTo(3);
        assertThat(total("/fhir/QuestionnaireResponse?questionnaire=" + SRS.replace("1.0.0", "2.0.0"))).isZero();
        assertThat(total("/fhir/QuestionnaireResponse?questionnaire=" + WAI.substring(0, WAI.indexOf('|'))))
                .isZero();

        Bundle first = search(key, base + "&_count=2");
        assertThat(first.getEntry()).hasSize(2);
        // Newest first.
        assertThat(((QuestionnaireResponse) first.getEntryFirstRep().getResource()).getAuthoredElement()
                .getValueAsString()).startsWith("2026-03-10");
        Bundle second = FhirApi.read(as(key).get(first.getLink("next").getUrl()), Bundle.class);
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();

        assertThat(expressions(outcome(as(key).get(base + "&authored=yesterday"), 400))).containsExactly("authored");
        assertThat(expressions(outcome(as(key).get(base + "&_lastUpdated=sa2026-01-01"), 400)))
                .containsExactly("_lastUpdated");
    }

    private int total(String path) {
        return search(key, path).getTotal();
    }
}
