package io.rapport.fhir.encounter;

import static io.rapport.fhir.FhirApi.as;
import static io.rapport.fhir.FhirApi.expressions;
import static io.rapport.fhir.FhirApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.fhir.FhirApi;
import io.restassured.response.Response;

/** An Encounter records a session through the same code as POST /api/v1/sessions. */
@QuarkusTest
class EncounterFhirResourceTest {

    static final String ENCOUNTER = FhirApi.ENCOUNTER;

    String key;
    String encounterId;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
        encounterId = "enc-" + UUID.randomUUID();
    }

    @Test
    void shouldCreateASessionWithItsAssignmentsAndReplayItByIdentifier() {
        String body = ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"c-1\"}}");
        Response created = as(key).header("If-None-Exist", "identifier=urn:ehr:enc|" + encounterId).body(body)
                .post("/fhir/Encounter");
        created.then().statusCode(201);
        Encounter encounter = FhirApi.read(created, Encounter.class);
        assertThat(encounter.getIdentifierFirstRep().getValue()).isEqualTo(encounterId);

        Response again = as(key).header("If-None-Exist", "identifier=" + encounterId).body(body)
                .post("/fhir/Encounter");
        again.then().statusCode(200);
        assertThat(FhirApi.read(again, Encounter.class).getIdElement().getIdPart())
                .isEqualTo(encounter.getIdElement().getIdPart());
        // One pair with one session, and its assignments, as the JSON API shows them.
        Api.as(key).queryParam("therapistId", "t-1").get("/api/v1/pairs").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void shouldAcceptAPatientReferenceByIdOnlyWithinTheOrganization() {
        Patient patient = FhirApi.read(as(key).queryParam("identifier", "c-2")
                .body("{\"resourceType\":\"Patient\"}").put("/fhir/Patient"), Patient.class);
        String ref = "{\"reference\":\"Patient/" + patient.getIdElement().getIdPart() + "\"}";
        as(key).body(ENCOUNTER.formatted(encounterId, ref)).post("/fhir/Encounter").then().statusCode(201);

        String other = Api.newOrganization();
        Response foreign = as(other).body(ENCOUNTER.formatted("x-" + encounterId, ref)).post("/fhir/Encounter");
        assertThat(expressions(outcome(foreign, 422))).containsExactly("Encounter.subject");
        Api.as(other).get("/api/v1/pairs").then().body("total", equalTo(0));
    }

    @Test
    void shouldNameTheMissingOrConflictingElement() {
        Response noSubject = as(key).body(ENCOUNTER.formatted(encounterId, "{}")).post("/fhir/Encounter");
        assertThat(expressions(outcome(noSubject, 422))).containsExactly("Encounter.subject");
        Response mismatch = as(key).header("If-None-Exist", "identifier=other")
                .body(ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"c-1\"}}")).post("/fhir/Encounter");
        assertThat(expressions(outcome(mismatch, 400))).containsExactly("If-None-Exist");
        as(key).body(ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"c-1\"}}")).post("/fhir/Encounter")
                .then().statusCode(201);
        Response conflict = as(key).body(ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"c-9\"}}"))
                .post("/fhir/Encounter");
        assertThat(expressions(outcome(conflict, 409))).containsExactly("Encounter.identifier");
    }

    static final String JOINT = FhirApi.JOINT_ENCOUNTER;

    @Test
    void shouldRecordAJointSessionFromAContainedGroupOfPatients() {
        String members = "[{\"entity\":{\"identifier\":{\"value\":\"c-1\"}}},"
                + "{\"entity\":{\"identifier\":{\"value\":\"c-2\"}}}]";
        Response created = as(key).header("If-None-Exist", "identifier=" + encounterId)
                .body(JOINT.formatted(members, encounterId, "#couple")).post("/fhir/Encounter");
        created.then().statusCode(201);
        Encounter encounter = FhirApi.read(created, Encounter.class);
        assertThat(encounter.getContained()).hasSize(1);

        // One pair per client, as with clientIds on POST /api/v1/sessions; a repeat replays the same Encounter.
        Api.as(key).queryParam("therapistId", "t-1").get("/api/v1/pairs").then().statusCode(200)
                .body("total", equalTo(2));
        Response again = as(key).header("If-None-Exist", "identifier=" + encounterId)
                .body(JOINT.formatted(members, encounterId, "#couple")).post("/fhir/Encounter");
        again.then().statusCode(200);
        assertThat(FhirApi.read(again, Encounter.class).getIdElement().getIdPart())
                .isEqualTo(encounter.getIdElement().getIdPart());
    }

    @Test
    void shouldRefuseAJointSessionWithoutTwoPatients() {
        String one = "[{\"entity\":{\"identifier\":{\"value\":\"c-1\"}}}]";
        Response single = as(key).body(JOINT.formatted(one, encounterId, "#couple")).post("/fhir/Encounter");
        assertThat(expressions(outcome(single, 422))).containsExactly("Encounter.contained.member");
        Response dangling = as(key).body(JOINT.formatted(one, encounterId, "#other")).post("/fhir/Encounter");
        // A local reference to nothing is malformed FHIR: HAPI's parser refuses it before Rapport reads it.
        assertThat(outcome(dangling, 400).getIssueFirstRep().getDiagnostics()).contains("#other");
        Api.as(key).get("/api/v1/pairs").then().body("total", equalTo(0));
    }

    @Test
    void shouldAcceptTheConditionAsASearchUrlAsClientsSendIt() {
        String body = ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"c-1\"}}");
        as(key).header("If-None-Exist", "Encounter?identifier=urn%3Aehr%3Aenc%7C" + encounterId).body(body)
                .post("/fhir/Encounter").then().statusCode(201);
        as(key).header("If-None-Exist", "https://ehr.example.org/fhir/Encounter?identifier=" + encounterId)
                .body(body).post("/fhir/Encounter").then().statusCode(200);
        assertThat(expressions(outcome(as(key).header("If-None-Exist", "Patient?identifier=" + encounterId)
                .body(body).post("/fhir/Encounter"), 400))).containsExactly("If-None-Exist");
        assertThat(expressions(outcome(as(key).header("If-None-Exist", "identifier=" + encounterId + "&status=x")
                .body(body).post("/fhir/Encounter"), 400))).containsExactly("If-None-Exist");
        assertThat(expressions(outcome(as(key).header("If-None-Exist", "identifier=%zz").body(body)
                .post("/fhir/Encounter"), 400))).containsExactly("If-None-Exist");
    }

    @Test
    void shouldReadASessionAndAJointSessionAsStored() {
        Response single = as(key).body(ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"c-1\"}}"))
                .post("/fhir/Encounter");
        String id = FhirApi.read(single.then().statusCode(201).extract().response(), Encounter.class)
                .getIdElement().getIdPart();
        Encounter read = FhirApi.read(as(key).get("/fhir/Encounter/" + id), Encounter.class);
        String patient = as(key).queryParam("identifier", "c-1").get("/fhir/Patient").then().statusCode(200)
                .extract().path("entry[0].resource.id");
        String practitioner = as(key).queryParam("identifier", "t-1").get("/fhir/Practitioner").then()
                .statusCode(200).extract().path("entry[0].resource.id");
        assertThat(read.getIdElement().getIdPart()).isEqualTo(id);
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(encounterId);
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(read.getParticipantFirstRep().getIndividual().getReference())
                .isEqualTo("Practitioner/" + practitioner);
        assertThat(read.getPeriod().getStart().toInstant()).hasToString("2026-11-20T15:00:00Z");
        assertThat(read.hasPartOf()).isFalse();

        String members = "[{\"entity\":{\"identifier\":{\"value\":\"c-1\"}}},"
                + "{\"entity\":{\"identifier\":{\"value\":\"c-2\"}}}]";
        String groupId = FhirApi.read(as(key).body(JOINT.formatted(members, "j-" + encounterId, "#couple"))
                .post("/fhir/Encounter").then().statusCode(201).extract().response(), Encounter.class)
                .getIdElement().getIdPart();
        Encounter joint = FhirApi.read(as(key).get("/fhir/Encounter/" + groupId), Encounter.class);
        assertThat(joint.getSubject().getReference()).startsWith("#");
        assertThat(((org.hl7.fhir.r4.model.Group) joint.getContained().get(0)).getMember())
                .extracting(m -> m.getEntity().getReference()).hasSize(2).contains("Patient/" + patient);

        // One client's part of the joint session, as its Tasks name it, is read too and names the whole.
        String part = Api.as(key).queryParam("clientId", "c-2").get("/api/v1/pairs").then().statusCode(200)
                .extract().path("items[0].id");
        String partId = Api.as(key).get("/api/v1/pairs/" + part).then().statusCode(200).extract()
                .path("sessions[0].id");
        Encounter member = FhirApi.read(as(key).get("/fhir/Encounter/" + partId), Encounter.class);
        assertThat(member.getPartOf().getReference()).isEqualTo("Encounter/" + groupId);
        assertThat(member.getSubject().getReference()).startsWith("Patient/").isNotEqualTo("Patient/" + patient);

        // Another organization's, a random and a malformed id: 404, nothing said about them.
        String other = Api.newOrganization();
        outcome(as(other).get("/fhir/Encounter/" + id), 404);
        outcome(as(key).get("/fhir/Encounter/" + UUID.randomUUID()), 404);
        outcome(as(key).get("/fhir/Encounter/not-an-id"), 404);
    }

    /** An Encounter of t-1 with client {@code client} and the given {@code meta.tag} codings (a JSON array). */
    static String tagged(String encounterId, String client, String tags) {
        return withTags(ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"" + client + "\"}}"), tags);
    }

    static String withTags(String encounter, String tags) {
        return "{\"meta\":{\"tag\":" + tags + "}," + encounter.substring(1);
    }

    static String program(String code) {
        return "{\"system\":\"urn:rapport:fhir:program\",\"code\":\"" + code + "\"}";
    }

    static List<String> programs(Encounter e) {
        assertThat(e.getMeta().getTag()).extracting(Coding::getSystem).containsOnly("urn:rapport:fhir:program");
        return e.getMeta().getTag().stream().map(Coding::getCode).toList();
    }

    private String pairOf(String client) {
        return Api.as(key).queryParam("clientId", client).get("/api/v1/pairs").then().statusCode(200).extract()
                .path("items[0].id");
    }

    @Test
    void shouldTagAnEncounterWithThePairsAndTheTherapistsPrograms() {
        Api.as(key).body("{\"tags\":[\"site-b\",\"couples\"]}").put("/api/v1/therapists/t-1").then()
                .statusCode(201);
        String id = FhirApi.read(as(key).body(ENCOUNTER.formatted(encounterId, "{\"identifier\":{\"value\":\"c-1\"}}"))
                .post("/fhir/Encounter").then().statusCode(201).extract().response(), Encounter.class)
                .getIdElement().getIdPart();
        Api.as(key).body("{\"tags\":[\"couples\",\"adolescents\"]}").put("/api/v1/pairs/" + pairOf("c-1") + "/tags")
                .then().statusCode(200);

        assertThat(programs(FhirApi.read(as(key).get("/fhir/Encounter/" + id), Encounter.class)))
                .containsExactly("adolescents", "couples", "site-b");

        // A joint session counts in every pair's own tags and the therapist's.
        String members = "[{\"entity\":{\"identifier\":{\"value\":\"c-1\"}}},"
                + "{\"entity\":{\"identifier\":{\"value\":\"c-2\"}}}]";
        String groupId = FhirApi.read(as(key).body(JOINT.formatted(members, "j-" + encounterId, "#couple"))
                .post("/fhir/Encounter").then().statusCode(201).extract().response(), Encounter.class)
                .getIdElement().getIdPart();
        Api.as(key).body("{\"tags\":[\"family\"]}").put("/api/v1/pairs/" + pairOf("c-2") + "/tags").then()
                .statusCode(200);
        assertThat(programs(FhirApi.read(as(key).get("/fhir/Encounter/" + groupId), Encounter.class)))
                .containsExactly("adolescents", "couples", "family", "site-b");
    }

    @Test
    void shouldAddTheEncountersProgramsToThePairsOwnTags() {
        as(key).body(ENCOUNTER.formatted("first-" + encounterId, "{\"identifier\":{\"value\":\"c-1\"}}"))
                .post("/fhir/Encounter").then().statusCode(201);
        String pair = pairOf("c-1");
        Api.as(key).body("{\"tags\":[\"old\"]}").put("/api/v1/pairs/" + pair + "/tags").then().statusCode(200);

        String tags = "[" + program("new") + ",{\"system\":\"urn:ehr:labels\",\"code\":\"vip\"}," + program("old")
                + "]";
        Response created = as(key).body(tagged(encounterId, "c-1", tags)).post("/fhir/Encounter");
        created.then().statusCode(201);
        assertThat(programs(FhirApi.read(created, Encounter.class))).containsExactly("new", "old");
        Api.as(key).get("/api/v1/pairs/" + pair).then().statusCode(200).body("tags", contains("new", "old"));

        // A conditional create adds too; a replay is the earlier Encounter and adds nothing.
        String conditional = tagged("c-" + encounterId, "c-1", "[" + program("groups") + "]");
        as(key).header("If-None-Exist", "identifier=c-" + encounterId).body(conditional).post("/fhir/Encounter")
                .then().statusCode(201);
        Api.as(key).get("/api/v1/pairs/" + pair).then().body("tags", contains("groups", "new", "old"));
        as(key).header("If-None-Exist", "identifier=c-" + encounterId)
                .body(tagged("c-" + encounterId, "c-1", "[" + program("later") + "]")).post("/fhir/Encounter").then()
                .statusCode(200);
        Api.as(key).get("/api/v1/pairs/" + pair).then().body("tags", contains("groups", "new", "old"));

        // A joint session adds them to each client's pair.
        String members = "[{\"entity\":{\"identifier\":{\"value\":\"c-1\"}}},"
                + "{\"entity\":{\"identifier\":{\"value\":\"c-2\"}}}]";
        String joint = withTags(JOINT.formatted(members, "j-" + encounterId, "#couple"),
                "[" + program("couples") + "]");
        as(key).body(joint).post("/fhir/Encounter").then().statusCode(201);
        Api.as(key).get("/api/v1/pairs/" + pair).then().body("tags", contains("couples", "groups", "new", "old"));
        Api.as(key).get("/api/v1/pairs/" + pairOf("c-2")).then().body("tags", contains("couples"));
    }

    @Test
    void shouldRefuseABadProgramTagAndCreateNoSession() {
        for (String bad : List.of("[" + program("not ok") + "]", "[{\"system\":\"urn:rapport:fhir:program\"}]",
                IntStream.range(0, 21).mapToObj(i -> program("p" + i)).collect(Collectors.joining(",", "[", "]")))) {
            Response refused = as(key).header("If-None-Exist", "identifier=" + encounterId)
                    .body(tagged(encounterId, "c-1", bad)).post("/fhir/Encounter");
            assertThat(expressions(outcome(refused, 422))).as(bad).containsOnly("Encounter.meta.tag");
        }
        Api.as(key).get("/api/v1/pairs").then().body("total", equalTo(0));

        // Valid tags, but the pair would have more than 20 of its own: the session is refused with them.
        as(key).body(ENCOUNTER.formatted("first-" + encounterId, "{\"identifier\":{\"value\":\"c-1\"}}"))
                .post("/fhir/Encounter").then().statusCode(201);
        String pair = pairOf("c-1");
        String twenty = IntStream.range(0, 20).mapToObj(i -> "\"p" + i + "\"").collect(Collectors.joining(","));
        Api.as(key).body("{\"tags\":[" + twenty + "]}").put("/api/v1/pairs/" + pair + "/tags").then()
                .statusCode(200);
        Response tooMany = as(key).body(tagged(encounterId, "c-1", "[" + program("one-more") + "]"))
                .post("/fhir/Encounter");
        assertThat(expressions(outcome(tooMany, 422))).containsExactly("Encounter.meta.tag");
        Api.as(key).get("/api/v1/pairs/" + pair).then().body("sessions", hasSize(1)).body("tags", hasSize(20))
                .body("tags", not(hasItem("one-more")));
    }
}
