package io.rapport.fhir.observation;

import static io.rapport.fhir.FhirApi.as;
import static io.rapport.fhir.FhirApi.expressions;
import static io.rapport.fhir.FhirApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.fhir.FhirApi;
import io.rapport.fhir.FhirValidation;
import io.restassured.response.Response;

/** Scores of responses submitted through the real form endpoint, read and searched as Observations. */
@QuarkusTest
class ObservationFhirResourceTest {

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    /** A session of client c-1 with t-1 at {@code at}, answered with four items; returns the session id. */
    static String answeredAt(String key, String client, String at, double... items) {
        Response s = Api.as(key).body("{\"clientId\":\"" + client + "\",\"therapistId\":\"t-1\",\"occurredAt\":\""
                + at + "\"}").post("/api/v1/sessions");
        s.then().statusCode(201);
        ScoredPairs.submit(s.path("assignments[0].formUrl"), items);
        return s.path("id");
    }

    static String patientId(String key, String client) {
        Bundle b = FhirApi.read(as(key).queryParam("identifier", client).get("/fhir/Patient"), Bundle.class);
        return ((Patient) b.getEntryFirstRep().getResource()).getIdElement().getIdPart();
    }

    static <T extends Resource> List<T> entries(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(e -> type.cast(e.getResource())).toList();
    }

    static void assertValid(Resource r) {
        assertThat(FhirValidation.errors(r)).as(r.fhirType() + "/" + r.getIdElement().getIdPart()).isEmpty();
    }

    @Test
    void shouldReadTheTotalOfAResponseWithItsSessionTimeAndTheCitedCutoff() {
        String session = answeredAt(key, "c-1", "2026-11-02T10:00:00Z", 8, 8, 8, 8.5);
        String patient = patientId(key, "c-1");
        Bundle found = FhirApi.read(as(key).queryParam("patient", "Patient/" + patient).get("/fhir/Observation"),
                Bundle.class);
        assertThat(found.getTotal()).isEqualTo(1);
        Observation o = (Observation) found.getEntryFirstRep().getResource();
        String id = o.getIdElement().getIdPart();
        assertThat(id).endsWith("-total").matches("[A-Za-z0-9\\-.]{1,64}");

        Observation read = FhirApi.read(as(key).get("/fhir/Observation/" + id), Observation.class);
        assertValid(read);
        assertThat(read.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(read.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
        assertThat(read.getCode().getCodingFirstRep().getSystem()).isEqualTo("urn:rapport:fhir:CodeSystem/score");
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("session-rating-4/total");
        // No LOINC code is cited in the catalog, so there is none.
        assertThat(read.getCode().getCoding()).hasSize(1);
        assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("32.5"));
        assertThat(read.getValueQuantity().hasUnit()).isFalse();
        assertThat(read.getEffectiveDateTimeType().getValue().toInstant())
                .isEqualTo(java.time.Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(read.getEncounter().getReference()).isEqualTo("Encounter/" + session);
        assertThat(read.getDerivedFromFirstRep().getReference())
                .isEqualTo("QuestionnaireResponse/" + id.substring(0, 36));
        // 32.5 is under the SRS cutoff of 36 the questionnaire file cites.
        assertThat(read.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("L");
        assertThat(read.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("36");
    }

    @Test
    void shouldLeaveOutTheInterpretationAtOrAboveTheCutoff() {
        answeredAt(key, "c-1", "2026-11-02T10:00:00Z", 9, 9, 9, 9);
        Bundle found = FhirApi.read(as(key).queryParam("patient", patientId(key, "c-1")).get("/fhir/Observation"),
                Bundle.class);
        Observation o = (Observation) found.getEntryFirstRep().getResource();
        assertValid(found);
        assertThat(o.hasInterpretation()).isFalse();
    }

    @Test
    void shouldEmitOneObservationPerScaleOfAnInstrumentWithSubscales() {
        Api.as(key).body("{\"rules\":[{\"questionnaireId\":\"wai-sr\",\"every\":1}]}").put("/api/v1/schedule").then()
                .statusCode(200);
        Response s = Api.as(key).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        s.then().statusCode(201);
        StringBuilder answers = new StringBuilder("{");
        for (int i = 1; i <= 12; i++) {
            answers.append(i == 1 ? "" : ",").append('"').append(i).append("\":").append(1 + i % 5);
        }
        ScoredPairs.submitAnswers(s.path("assignments[0].formUrl"), answers.append('}').toString());
        String patient = patientId(key, "c-1");
        Bundle all = FhirApi.read(as(key).queryParam("patient", patient).get("/fhir/Observation"), Bundle.class);
        List<Observation> observations = entries(all, Observation.class);
        assertThat(observations).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("wai-sr/total", "wai-sr/task", "wai-sr/goal", "wai-sr/bond");
        observations.forEach(ObservationFhirResourceTest::assertValid);
        // No cutoff is cited for the WAI-SR: no interpretation.
        assertThat(observations).noneMatch(Observation::hasInterpretation);

        Bundle bond = FhirApi.read(as(key).queryParam("patient", patient)
                .queryParam("code", "urn:rapport:fhir:CodeSystem/score|wai-sr/bond").get("/fhir/Observation"),
                Bundle.class);
        assertThat(bond.getTotal()).isEqualTo(1);
        String id = bond.getEntryFirstRep().getResource().getIdElement().getIdPart();
        assertThat(id).endsWith("-bond");
        as(key).get("/fhir/Observation/" + id).then().statusCode(200);
        Bundle bare = FhirApi.read(as(key).queryParam("patient", patient).queryParam("code", "wai-sr/total,wai-sr/goal")
                .get("/fhir/Observation"), Bundle.class);
        assertThat(bare.getTotal()).isEqualTo(2);
        Bundle otherSystem = FhirApi.read(as(key).queryParam("patient", patient).queryParam("code", "http://loinc.org|x")
                .get("/fhir/Observation"), Bundle.class);
        assertThat(otherSystem.getTotal()).isZero();
    }

    @Test
    void shouldSearchByDateSortAndPage() {
        answeredAt(key, "c-1", "2026-11-02T10:00:00Z", 9, 9, 9, 9);
        answeredAt(key, "c-1", "2026-11-09T10:00:00Z", 8, 8, 8, 8);
        answeredAt(key, "c-1", "2026-11-16T10:00:00Z", 7, 7, 7, 7);
        answeredAt(key, "c-2", "2026-11-16T10:00:00Z", 5, 5, 5, 5);
        String patient = patientId(key, "c-1");

        Bundle ascending = FhirApi.read(as(key).queryParam("patient", patient).queryParam("_sort", "date")
                .get("/fhir/Observation"), Bundle.class);
        assertThat(entries(ascending, Observation.class)).extracting(o -> o.getValueQuantity().getValue().intValue())
                .containsExactly(36, 32, 28);
        Bundle descending = FhirApi.read(as(key).queryParam("patient", patient).queryParam("_sort", "-date")
                .get("/fhir/Observation"), Bundle.class);
        assertThat(entries(descending, Observation.class)).extracting(o -> o.getValueQuantity().getValue().intValue())
                .containsExactly(28, 32, 36);

        Bundle range = FhirApi.read(as(key).queryParam("patient", patient).queryParam("date", "ge2026-11-05")
                .queryParam("date", "le2026-11-16T09:00:00Z").get("/fhir/Observation"), Bundle.class);
        assertThat(entries(range, Observation.class)).extracting(o -> o.getValueQuantity().getValue().intValue())
                .containsExactly(32);
        Bundle day = FhirApi.read(as(key).queryParam("patient", patient).queryParam("date", "2026-11-16")
                .get("/fhir/Observation"), Bundle.class);
        assertThat(day.getTotal()).isEqualTo(1);

        Bundle first = FhirApi.read(as(key).queryParam("patient", patient).queryParam("_sort", "date")
                .queryParam("_count", 2).get("/fhir/Observation"), Bundle.class);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        String next = first.getLink("next").getUrl();
        Bundle second = FhirApi.read(as(key).get(next.substring(next.indexOf("/fhir/"))), Bundle.class);
        assertThat(entries(second, Observation.class)).extracting(o -> o.getValueQuantity().getValue().intValue())
                .containsExactly(28);
        assertThat(second.getLink("next")).isNull();
        assertValid(first);
    }

    @Test
    void shouldNameTheBadParameter() {
        assertThat(expressions(outcome(as(key).get("/fhir/Observation"), 400))).containsExactly("patient");
        String patient = patientId(key, ensureClient());
        assertThat(expressions(outcome(as(key).queryParam("patient", patient).queryParam("date", "yesterday")
                .get("/fhir/Observation"), 400))).containsExactly("date");
        assertThat(expressions(outcome(as(key).queryParam("patient", patient).queryParam("_sort", "code")
                .get("/fhir/Observation"), 400))).containsExactly("_sort");
        outcome(as(key).get("/fhir/Observation/not-an-id"), 404);
        outcome(as(key).get("/fhir/Observation/" + java.util.UUID.randomUUID() + "-total"), 404);
    }

    private String ensureClient() {
        Api.as(key).body("{\"displayName\":\"C\"}").put("/api/v1/clients/c-9").then().statusCode(201);
        return "c-9";
    }

    @Test
    void shouldHideAnotherOrganizationsObservationsAndFlags() {
        answeredAt(key, "c-1", "2026-11-02T10:00:00Z", 8, 8, 8, 8);
        String patient = patientId(key, "c-1");
        Bundle mine = FhirApi.read(as(key).queryParam("patient", patient).get("/fhir/Observation"), Bundle.class);
        String id = mine.getEntryFirstRep().getResource().getIdElement().getIdPart();
        Bundle flags = FhirApi.read(as(key).queryParam("patient", patient).get("/fhir/Flag"), Bundle.class);
        String flagId = flags.getEntryFirstRep().getResource().getIdElement().getIdPart();

        String other = Api.newOrganization();
        outcome(as(other).get("/fhir/Observation/" + id), 404);
        outcome(as(other).get("/fhir/Flag/" + flagId), 404);
        assertThat(FhirApi.read(as(other).queryParam("patient", patient).get("/fhir/Observation"), Bundle.class)
                .getTotal()).isZero();
        assertThat(FhirApi.read(as(other).queryParam("patient", patient).get("/fhir/Flag"), Bundle.class)
                .getTotal()).isZero();
    }

    @Test
    void shouldExposeAlertsAsFlagsActiveWhileOpen() {
        // 32 is under the cutoff of 36: a below-cutoff alert.
        String session = answeredAt(key, "c-1", "2026-11-02T10:00:00Z", 8, 8, 8, 8);
        String patient = patientId(key, "c-1");
        Bundle flags = FhirApi.read(as(key).queryParam("patient", "Patient/" + patient).get("/fhir/Flag"),
                Bundle.class);
        assertThat(flags.getTotal()).isEqualTo(1);
        Flag flag = FhirApi.read(as(key).get("/fhir/Flag/" + flags.getEntryFirstRep().getResource().getIdElement()
                .getIdPart()), Flag.class);
        assertValid(flag);
        assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(flag.getCode().getCodingFirstRep().getCode()).isEqualTo("below-cutoff");
        assertThat(flag.getCode().getText()).contains("cutoff of 36");
        assertThat(flag.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(flag.getEncounter().getReference()).isEqualTo("Encounter/" + session);
        assertThat(flag.getPeriod().hasEnd()).isFalse();

        Api.as(key).body("{}").post("/api/v1/alerts/" + flag.getIdElement().getIdPart() + "/acknowledge").then()
                .statusCode(200);
        Flag acknowledged = FhirApi.read(as(key).get("/fhir/Flag/" + flag.getIdElement().getIdPart()), Flag.class);
        assertThat(acknowledged.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        assertThat(acknowledged.getPeriod().hasEnd()).isTrue();
        assertValid(acknowledged);
        assertThat(expressions(outcome(as(key).get("/fhir/Flag"), 400))).containsExactly("patient");
    }

    @Test
    void shouldAuditReadsByTheClient() {
        answeredAt(key, "c-1", "2026-11-02T10:00:00Z", 8, 8, 8, 8);
        String patient = patientId(key, "c-1");
        Bundle found = FhirApi.read(as(key).queryParam("patient", patient).get("/fhir/Observation"), Bundle.class);
        as(key).get("/fhir/Observation/" + found.getEntryFirstRep().getResource().getIdElement().getIdPart()).then()
                .statusCode(200);
        Api.as(key).queryParam("clientId", "c-1").get("/api/v1/audit").then().statusCode(200);
        List<String> routes = Api.as(key).queryParam("clientId", "c-1").get("/api/v1/audit").jsonPath()
                .getList("items.route");
        assertThat(routes).contains("GET /fhir/Observation", "GET /fhir/Observation/{id}");
    }
}
