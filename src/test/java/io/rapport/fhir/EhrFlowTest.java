package io.rapport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * An EHR's whole round trip through HAPI's generic client, as a real integration would make it: the Patient by
 * conditional update, the session by conditional create, the client's open Task, the answers it collected, the
 * scores as Observations, and the CDS Hooks card its clinician sees.
 */
@QuarkusTest
class EhrFlowTest {

    static final String SCORE_SYSTEM = Fhir.SYSTEM_BASE + "CodeSystem/score";

    @TestHTTPResource("/fhir")
    URL fhirBase;

    @Test
    void shouldRecordASessionCollectAnswersAndShowTheScoreAndCard() {
        String key = Api.newOrganization();
        Api.as(key).body("{\"rules\":[{\"questionnaireId\":\"session-rating-4\",\"every\":1}]}")
                .put("/api/v1/schedule").then().statusCode(200);
        FhirContext context = FhirContext.forR4();
        IGenericClient client = context.newRestfulGenericClient(fhirBase.toString());
        client.registerInterceptor(new BearerTokenAuthInterceptor(key));

        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem("urn:ehr:mrn").setValue("mrn-1"));
        MethodOutcome put = client.update().resource(patient).conditional()
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:ehr:mrn", "mrn-1")).execute();
        String patientId = put.getId().getIdPart();

        // 1. The session, created conditionally on the EHR's encounter id: a retry replays it.
        String encounterId = "enc-" + UUID.randomUUID();
        Encounter encounter = new Encounter();
        encounter.addIdentifier(new Identifier().setSystem("urn:ehr:enc").setValue(encounterId));
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
        encounter.setSubject(new Reference("Patient/" + patientId));
        encounter.addParticipant().setIndividual(new Reference().setIdentifier(new Identifier().setValue("t-1")));
        encounter.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20T15:00:00Z"));
        MethodOutcome created = client.create().resource(encounter).conditional()
                .where(Encounter.IDENTIFIER.exactly().systemAndIdentifier("urn:ehr:enc", encounterId)).execute();
        assertThat(created.getCreated()).isTrue();
        String sessionId = created.getId().getIdPart();
        MethodOutcome replayed = client.create().resource(encounter).conditional()
                .where(Encounter.IDENTIFIER.exactly().systemAndIdentifier("urn:ehr:enc", encounterId)).execute();
        assertThat(replayed.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(replayed.getId().getIdPart()).isEqualTo(sessionId);
        Encounter read = client.read().resource(Encounter.class).withId(sessionId).execute();
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patientId);

        // 2. What the client still has to answer: one open Task of this session.
        Bundle open = client.search().forResource(Task.class).where(Task.PATIENT.hasId("Patient/" + patientId))
                .and(Task.STATUS.exactly().code("requested")).returnBundle(Bundle.class).execute();
        List<Task> tasks = open.getEntry().stream().map(e -> (Task) e.getResource()).toList();
        assertThat(tasks).hasSize(1);
        Task task = tasks.get(0);
        assertThat(task.getEncounter().getReference()).isEqualTo("Encounter/" + sessionId);
        String canonical = task.getFocus().getReference();
        assertThat(canonical).isEqualTo(Fhir.SYSTEM_BASE + "Questionnaire/session-rating-4|1.0.0");

        // 3. The answers, built from the Questionnaire the Task names: 7.5 on each of the four lines.
        Bundle found = client.search().forResource(Questionnaire.class)
                .where(Questionnaire.URL.matches().value(canonical)).returnBundle(Bundle.class).execute();
        Questionnaire questionnaire = (Questionnaire) found.getEntryFirstRep().getResource();
        assertThat(questionnaire.getVersion()).isEqualTo("1.0.0");
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.addBasedOn(new Reference("Task/" + task.getIdElement().getIdPart()));
        qr.setQuestionnaire(canonical);
        qr.setSubject(new Reference("Patient/" + patientId));
        questionnaire.getItem().forEach(item -> qr.addItem().setLinkId(item.getLinkId()).addAnswer()
                .setValue(new DecimalType(new BigDecimal("7.5"))));
        assertThat(qr.getItem()).hasSize(4);
        MethodOutcome answered = client.create().resource(qr).execute();
        assertThat(answered.getCreated()).isTrue();
        String responseId = answered.getId().getIdPart();
        Task done = client.read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute();
        assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);

        // 4. The score, derived from that response: 4 × 7.5 = 30, below the cited cutoff of 36.
        Bundle scores = client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + patientId))
                .and(Observation.CODE.exactly().systemAndCode(SCORE_SYSTEM, "session-rating-4/total"))
                .sort().descending(Observation.DATE).returnBundle(Bundle.class).execute();
        assertThat(scores.getEntry()).hasSize(1);
        Observation total = (Observation) scores.getEntryFirstRep().getResource();
        assertThat(total.getValueQuantity().getValue()).isEqualByComparingTo("30");
        assertThat(total.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + responseId);
        assertThat(total.getInterpretationFirstRep().getCodingFirstRep().getCode()).isNotBlank();

        // 5. The card the clinician sees when opening this patient's chart.
        Bundle therapists = client.search().forResource(Practitioner.class)
                .where(Practitioner.IDENTIFIER.exactly().identifier("t-1")).returnBundle(Bundle.class).execute();
        String practitionerId = therapists.getEntryFirstRep().getResource().getIdElement().getIdPart();
        JsonPath cards = RestAssured.given().auth().oauth2(key).contentType("application/json")
                .body("{\"hookInstance\":\"" + UUID.randomUUID() + "\",\"hook\":\"patient-view\",\"context\":{"
                        + "\"patientId\":\"" + patientId + "\",\"userId\":\"Practitioner/" + practitionerId + "\"}}")
                .post("/cds-services/rapport-alliance").then().statusCode(200).extract().jsonPath();
        assertThat(cards.getList("cards")).hasSize(1);
        assertThat(cards.getString("cards[0].summary")).contains("30 at session 1").contains("below the cutoff of 36");
        assertThat(cards.getString("cards[0].indicator")).isEqualTo("warning");
    }
}
