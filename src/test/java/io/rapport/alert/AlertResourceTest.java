package io.rapport.alert;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.care.PairRepository;
import io.rapport.security.Roles;
import io.rapport.security.apikey.ApiKeyService;
import io.restassured.response.Response;

@QuarkusTest
class AlertResourceTest {

    @Inject
    Alerts alerts;
    @Inject
    Outbox outbox;
    @Inject
    PairRepository pairs;
    @Inject
    ApiKeyService apiKeys;
    @Inject
    EntityManager em;

    String key;
    UUID organization;
    UUID pair;
    UUID otherPair;

    @BeforeEach
    void newOrganizationWithTwoPairs() {
        key = Api.newOrganization();
        pair = newPair(key, "c-1");
        otherPair = newPair(key, "c-2");
        organization = QuarkusTransaction.requiringNew().call(() -> pairs.findById(pair).organizationId);
    }

    @Test
    void shouldListOpenAlertsOfTheOrganizationNewestFirst() {
        UUID first = raise(pair, "below-cutoff", 2);
        UUID second = raise(pair, "reliable-drop", 3);
        UUID third = raise(otherPair, "no-response", 1);

        as(key).get("/api/v1/alerts").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(third.toString(), second.toString(), first.toString()))
                .body("items[2].pairId", equalTo(pair.toString()))
                .body("items[2].questionnaireId", equalTo("srs"))
                .body("items[2].type", equalTo("below-cutoff"))
                .body("items[2].sessionNumber", equalTo(2))
                .body("items[2].detail.score", equalTo(31.5f))
                .body("items[2].status", equalTo("open"));
        as(key).get("/api/v1/alerts?size=1&page=1").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(second.toString()));
    }

    @Test
    void shouldFilterByPairAndStatus() {
        raise(pair, "below-cutoff", 2);
        UUID other = raise(otherPair, "split-alliance", 4);
        as(key).post("/api/v1/alerts/" + other + "/acknowledge").then().statusCode(200);

        as(key).get("/api/v1/alerts?pairId=" + otherPair).then().statusCode(200).body("total", equalTo(0));
        as(key).get("/api/v1/alerts?pairId=" + otherPair + "&status=acknowledged").then().statusCode(200)
                .body("items.id", contains(other.toString()));
        as(key).get("/api/v1/alerts?status=open").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].pairId", equalTo(pair.toString()));
    }

    @Test
    void shouldAcknowledgeOnceAndReturnTheSameRecordWhenAcknowledgedAgain() {
        UUID alert = raise(pair, "unrepaired", 5);

        Response firstAck = as(key).post("/api/v1/alerts/" + alert + "/acknowledge");
        firstAck.then().statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("acknowledgedBy", startsWith("api-key:"));
        Response secondAck = as(key).post("/api/v1/alerts/" + alert + "/acknowledge");
        secondAck.then().statusCode(200);

        assertThat(secondAck.jsonPath().getMap("")).isEqualTo(firstAck.jsonPath().getMap(""));
        assertThat(firstAck.<String> path("acknowledgedAt")).isNotBlank();
        as(key).get("/api/v1/alerts").then().body("total", equalTo(0));
    }

    @Test
    void shouldKeepTheNoteOfTheFirstAcknowledgement() {
        UUID alert = raise(pair, "below-cutoff", 2);

        as(key).body("{\"note\":\"  Called the client; next session moved up.  \"}")
                .post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("acknowledgementNote", equalTo("Called the client; next session moved up."));
        as(key).body("{\"note\":\"a second note\"}").post("/api/v1/alerts/" + alert + "/acknowledge").then()
                .statusCode(200).body("acknowledgementNote", equalTo("Called the client; next session moved up."));
        as(key).get("/api/v1/alerts?status=acknowledged").then().statusCode(200)
                .body("items[0].acknowledgementNote", equalTo("Called the client; next session moved up."));
    }

    @Test
    void shouldExportTheNoteWithTheClientsData() {
        UUID alert = raise(pair, "below-cutoff", 2);
        as(key).body("{\"note\":\"Client mentioned a move.\"}").post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(200);

        as(key).get("/api/v1/clients/c-1/export").then().statusCode(200)
                .body("alerts[0].id", equalTo(alert.toString()))
                .body("alerts[0].acknowledgementNote", equalTo("Client mentioned a move."));
    }

    @Test
    void shouldAcknowledgeWithoutABodyOrContentTypeAsBefore() {
        UUID withoutBody = raise(pair, "below-cutoff", 2);
        UUID nullBody = raise(pair, "below-cutoff", 3);
        UUID emptyNote = raise(pair, "below-cutoff", 4);

        given().auth().oauth2(key).post("/api/v1/alerts/" + withoutBody + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("acknowledgementNote", nullValue());
        as(key).body("null").post("/api/v1/alerts/" + nullBody + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("acknowledged"));
        as(key).body("{\"note\":\"   \"}").post("/api/v1/alerts/" + emptyNote + "/acknowledge").then()
                .statusCode(200).body("acknowledgementNote", nullValue());
    }

    @Test
    void shouldRefuseANoteOver500CharactersAndLeaveTheAlertOpen() {
        UUID alert = raise(pair, "below-cutoff", 2);

        as(key).body("{\"note\":\"" + "x".repeat(501) + "\"}").post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"));
        as(key).body("{\"note\":42}").post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(400)
                .contentType("application/problem+json");
        as(key).get("/api/v1/alerts").then().body("items[0].id", equalTo(alert.toString()))
                .body("items[0].status", equalTo("open"));
        as(key).body("{\"note\":\"" + "x".repeat(500) + "\"}").post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(200);
    }

    @Test
    void shouldFilterByType() {
        raise(pair, "below-cutoff", 2);
        UUID split = raise(otherPair, "split-alliance", 4);

        as(key).get("/api/v1/alerts?type=split-alliance").then().statusCode(200)
                .body("items.id", contains(split.toString()));
        as(key).get("/api/v1/alerts?type=bogus").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
    }

    @Test
    void shouldLetTheEhrAcknowledgeAndRecordWhichKeyDidIt() {
        UUID alert = raise(pair, "repair", 6);
        String ehrKey = QuarkusTransaction.requiringNew()
                .call(() -> apiKeys.issue(organization, Roles.EHR, "ehr for alerts"));

        String by = as(ehrKey).post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .extract().path("acknowledgedBy");
        String adminBy = as(key).post("/api/v1/alerts/" + raise(pair, "repair", 7) + "/acknowledge")
                .then().statusCode(200).extract().path("acknowledgedBy");

        assertThat(by).startsWith("api-key:").isNotEqualTo(adminBy);
    }

    @Test
    void shouldHideAnotherOrganizationsAlerts() {
        UUID alert = raise(pair, "personal-drop", 3);
        String otherKey = Api.newOrganization();

        as(otherKey).post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        as(otherKey).get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(0));
        as(otherKey).get("/api/v1/alerts?pairId=" + pair).then().statusCode(200).body("total", equalTo(0));
        as(key).get("/api/v1/alerts").then().body("items[0].status", equalTo("open"));
    }

    @Test
    void shouldAnswerUnknownAlertsWith404() {
        as(key).post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        as(key).post("/api/v1/alerts/not-an-id/acknowledge").then().statusCode(404);
    }

    @Test
    void shouldRefuseBadFiltersNamingTheParameter() {
        as(key).get("/api/v1/alerts?status=closed").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        as(key).get("/api/v1/alerts?pairId=nope").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("pairId"));
    }

    @Test
    void shouldRaiseEachAlertOnceAndEnqueueOnlyIdsForIt() {
        UUID alert = raise(pair, "below-cutoff", 2);
        Optional<UUID> again = QuarkusTransaction.requiringNew().call(
                () -> alerts.raise(organization, pair, "srs", "below-cutoff", 2, Map.of("score", 20.0)));

        assertThat(again).isEmpty();
        List<?> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select type || ' ' || cast(data as text) from outbox where organization_id = ?")
                .setParameter(1, organization).getResultList());
        assertThat(events).hasSize(1);
        assertThat((String) events.get(0)).startsWith("alert.below-cutoff ")
                .contains("\"alertId\": \"" + alert + "\"", "\"pairId\": \"" + pair + "\"",
                        "\"questionnaireId\": \"srs\"", "\"sessionNumber\": 2")
                .doesNotContain("score", "31.5");
    }

    @Test
    void shouldRequireTheCallersTransaction() {
        assertThatThrownBy(() -> outbox.enqueue(organization, pair, EventTypes.RESPONSE_COMPLETED, Map.of()))
                .isInstanceOf(TransactionalException.class);
        assertThatThrownBy(() -> alerts.raise(organization, pair, "srs", "repair", 1, Map.of()))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void shouldNotRaiseForAPairOfAnotherOrganization() {
        String otherKey = Api.newOrganization();
        UUID foreignPair = newPair(otherKey, "c-9");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.enqueue(organization, foreignPair, EventTypes.RESPONSE_COMPLETED, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> alerts.raise(organization, foreignPair, "srs", "repair", 1, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        as(otherKey).get("/api/v1/alerts").then().body("total", equalTo(0));
    }

    private UUID raise(UUID pairId, String type, int sessionNumber) {
        return QuarkusTransaction.requiringNew().call(() -> alerts
                .raise(organization, pairId, "srs", type, sessionNumber, Map.of("score", 31.5, "cutoff", 36))
                .orElseThrow());
    }

    private static UUID newPair(String apiKey, String clientId) {
        return UUID.fromString(as(apiKey).body(session(clientId, "t-1")).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("pairId"));
    }
}
