package io.rapport.cds;

import static io.rapport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The patient-view service, fed by responses submitted through the real form endpoint. */
@QuarkusTest
class CdsHooksResourceTest {

    static final String URL = "/cds-services/" + AllianceCards.SERVICE_ID;

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    static String hook(String patientId, String userId) {
        return "{\"hookInstance\":\"" + UUID.randomUUID() + "\",\"hook\":\"patient-view\","
                + "\"fhirServer\":\"https://ehr.example.org/fhir\",\"context\":{\"patientId\":\"" + patientId
                + "\",\"userId\":\"" + userId + "\"}}";
    }

    String rapportId(String type, String identifier) {
        return io.rapport.fhir.FhirApi.as(key).queryParam("identifier", identifier).get("/fhir/" + type).then()
                .statusCode(200).extract().path("entry[0].resource.id");
    }

    JsonPath call(String client, String therapist) {
        Response r = as(key).body(hook(rapportId("Patient", client), "Practitioner/" + rapportId("Practitioner",
                therapist))).post(URL);
        r.then().statusCode(200);
        return r.jsonPath();
    }

    @Test
    void shouldListThePatientViewServiceInDiscovery() {
        RestAssured.given().get("/cds-services").then().statusCode(200)
                .body("services", hasSize(1))
                .body("services[0].id", equalTo(AllianceCards.SERVICE_ID))
                .body("services[0].hook", equalTo("patient-view"))
                .body("services[0].title", equalTo("Therapeutic alliance"));
    }

    @Test
    void shouldShowTheLatestScoreAgainstTheCitedCutoffWithALinkToThePair() {
        String pairId = ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.same(9), ScoredPairs.same(8));
        JsonPath cards = call("c-1", "t-1");
        List<Map<String, Object>> list = cards.getList("cards");
        assertThat(list).hasSize(1);
        assertThat(cards.getString("cards[0].summary")).contains("32 at session 2").contains("below the cutoff of 36")
                .hasSizeLessThan(140);
        assertThat(cards.getString("cards[0].indicator")).isEqualTo("warning");
        assertThat(cards.getString("cards[0].source.label")).isEqualTo("Rapport");
        assertThat(cards.getString("cards[0].detail")).contains("Duncan et al. (2003)");
        assertThat(cards.getString("cards[0].links[0].type")).isEqualTo("absolute");
        assertThat(cards.getString("cards[0].links[0].url")).startsWith("http").endsWith("/app/pairs/" + pairId);
        // Bare ids work too.
        as(key).body(hook(rapportId("Patient", "c-1"), rapportId("Practitioner", "t-1"))).post(URL).then()
                .statusCode(200).body("cards", hasSize(1));
        Api.as(key).queryParam("clientId", "c-1").queryParam("objectType", "pair").get("/api/v1/audit").then()
                .statusCode(200).body("items.route", org.hamcrest.Matchers.hasItem("POST /cds-services/{id}"));
    }

    @Test
    void shouldSayWhenNoCutoffIsCited() {
        Api.as(key).body("{\"rules\":[{\"questionnaireId\":\"arm-5\",\"every\":1}]}").put("/api/v1/schedule").then()
                .statusCode(200);
        Response s = as(key).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        ScoredPairs.submitAnswers(s.path("assignments[0].formUrl"), "{\"1\":6,\"2\":6,\"3\":2,\"4\":6,\"5\":6}");
        JsonPath cards = call("c-1", "t-1");
        assertThat(cards.getString("cards[0].summary")).contains("no cutoff is cited");
        assertThat(cards.getString("cards[0].indicator")).isEqualTo("info");
    }

    @Test
    void shouldShowAnOpenRuptureWithItsExplanation() {
        // SD 2 and reliability 0.75: SEM 1, as in the alert tests; 38, 36, 36, then 30 is a reliable drop.
        as(key).body("{\"citation\":\"Test (2026)\",\"scales\":{\"total\":{\"referenceSd\":2,"
                + "\"reliability\":0.75}}}").put("/api/v1/published-constants/session-rating-4/1.0.0").then()
                .statusCode(200);
        ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.same(9.5), ScoredPairs.same(9), ScoredPairs.same(9),
                ScoredPairs.same(7.5));
        JsonPath cards = call("c-1", "t-1");
        assertThat(cards.getList("cards")).hasSize(2);
        assertThat(cards.getString("cards[1].summary")).isEqualTo("Open alliance rupture at session 4"
                + " (Four-item session rating (SRS format))");
        assertThat(cards.getString("cards[1].indicator")).isEqualTo("warning");
        assertThat(cards.getString("cards[1].detail")).contains("Reliable drop: the score fell from 36.00 to 30.00");

        // Back to 36: within 1.96 error SDs of the level before the rupture, a repair closes it.
        ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.same(9));
        JsonPath repaired = call("c-1", "t-1");
        assertThat(repaired.getList("cards")).hasSize(1);
        assertThat(repaired.getString("cards[0].indicator")).isEqualTo("info");
    }

    @Test
    void shouldReturnNoCardWhenThereIsNothingToSay() {
        Api.as(key).body("{\"displayName\":\"C\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        Api.as(key).body("{\"displayName\":\"T\"}").put("/api/v1/therapists/t-1").then().statusCode(201);
        // Never met: no pair.
        call("c-1", "t-1").getList("cards").forEach(c -> {
            throw new AssertionError("no card expected: " + c);
        });
        // Met, but the questionnaire is not answered yet.
        as(key).body(Api.session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201);
        assertThat(call("c-1", "t-1").getList("cards")).isEmpty();
        as(key).body(hook(rapportId("Patient", "c-1"), "Practitioner/" + rapportId("Practitioner", "t-1")))
                .post(URL).then().statusCode(200).body(equalTo("{\"cards\":[]}"));
    }

    @Test
    void shouldNameTheBadFieldAndHideOtherOrganizations() {
        ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.same(9));
        String patient = rapportId("Patient", "c-1");
        String practitioner = "Practitioner/" + rapportId("Practitioner", "t-1");
        problem(as(key).body(hook("not-an-id", practitioner)).post(URL), 400, "context.patientId");
        problem(as(key).body(hook(patient, "Patient/x")).post(URL), 400, "context.userId");
        problem(as(key).body(hook(patient, practitioner).replace("patient-view", "order-sign")).post(URL), 400,
                "hook");
        problem(as(key).body("{\"hook\":\"patient-view\",\"context\":{}}").post(URL), 400, "hookInstance");
        problem(as(key).body(hook(UUID.randomUUID().toString(), practitioner)).post(URL), 404, "context.patientId");
        as(key).body(hook(patient, practitioner)).post("/cds-services/no-such-service").then().statusCode(404)
                .contentType("application/problem+json");
        as(key).body("{\"hook\":").post(URL).then().statusCode(400).contentType("application/problem+json");

        String other = Api.newOrganization();
        problem(as(other).body(hook(patient, practitioner)).post(URL), 404, "context.patientId");
        RestAssured.given().contentType("application/json").body(hook(patient, practitioner)).post(URL).then()
                .statusCode(401);
    }

    private static void problem(Response r, int status, String field) {
        r.then().statusCode(status).contentType("application/problem+json");
        assertThat(r.jsonPath().getList("errors.field")).as(r.asString()).containsExactly(field);
    }
}
