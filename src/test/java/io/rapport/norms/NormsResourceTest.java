package io.rapport.norms;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class NormsResourceTest {

    static final String PATH = "/api/v1/published-constants/session-rating-4/1.0.0";
    static final String ROUTE = "/api/v1/published-constants/{questionnaireId}/{version}";
    /** SD 2 and reliability 0.75 give SEM 1: drop threshold 3·√2 = 4.24, personal margin 3·√(4/3) = 3.46. */
    static final String SEM_ONE = "{\"citation\":\"Test source (2026). A made-up table for this test.\","
            + "\"link\":\"10.1234/test.5678\",\"scales\":{\"total\":{\"referenceSd\":2,\"reliability\":0.75}}}";

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldKeepEveryRevisionWithWhoSetItAndAuditEachChange() {
        as(key).body(SEM_ONE).put(PATH).then().statusCode(200).body("revision", equalTo(1))
                .body("scales.total.referenceSd", equalTo(2.0f)).body("withdrawn", equalTo(false))
                .body("setBy", not(nullValue()));
        as(key).body(SEM_ONE.replace("\"reliability\":0.75", "\"reliability\":0.9")).put(PATH).then()
                .statusCode(200).body("revision", equalTo(2));
        as(key).get("/api/v1/published-constants").then().statusCode(200).body("", hasSize(1))
                .body("[0].revision", equalTo(2)).body("[0].scales.total.reliability", equalTo(0.9f));
        as(key).get(PATH + "/revisions").then().statusCode(200).body("revision", contains(2, 1))
                .body("[1].scales.total.reliability", equalTo(0.75f));

        as(key).delete(PATH).then().statusCode(200).body("revision", equalTo(3)).body("withdrawn", equalTo(true));
        as(key).get("/api/v1/published-constants").then().body("", empty());
        as(key).get(PATH + "/revisions").then().body("revision", contains(3, 2, 1));
        as(key).delete(PATH).then().statusCode(404);

        // Newest first: the refused second withdrawal is on the trail too.
        as(key).get("/api/v1/audit?objectType=published-constants").then().statusCode(200)
                .body("items", hasSize(4)).body("items.outcome", contains("denied", "allowed", "allowed", "allowed"))
                .body("items.status", contains(404, 200, 200, 200))
                .body("items.route", contains("DELETE " + ROUTE, "DELETE " + ROUTE, "PUT " + ROUTE, "PUT " + ROUTE))
                .body("items.objectId", hasItem("session-rating-4"))
                .body("items.actor", hasItem(startsWith("api-key:")));
    }

    @Test
    void shouldRefuseConstantsOutOfRangeNamingTheFieldAndStoreNothing() {
        as(key).body(SEM_ONE.replace("\"referenceSd\":2", "\"referenceSd\":0")).put(PATH).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("scales.total.referenceSd"));
        as(key).body(SEM_ONE.replace("\"referenceSd\":2", "\"referenceSd\":-1")).put(PATH).then().statusCode(422)
                .body("errors.field", contains("scales.total.referenceSd"));
        as(key).body(SEM_ONE.replace("0.75", "1")).put(PATH).then().statusCode(422)
                .body("errors.field", contains("scales.total.reliability"));
        as(key).body(SEM_ONE.replace("0.75", "0")).put(PATH).then().statusCode(422)
                .body("errors.field", contains("scales.total.reliability"));
        as(key).body(SEM_ONE.replace("\"total\"", "\"bond\"")).put(PATH).then().statusCode(422)
                .body("errors.field", contains("scales.bond"));
        as(key).body(SEM_ONE.replace("Test source (2026). A made-up table for this test.", " ")).put(PATH).then()
                .statusCode(422).body("errors.field", contains("citation"));
        as(key).body(SEM_ONE.replace("10.1234/test.5678", "javascript:alert(1)")).put(PATH).then().statusCode(422)
                .body("errors.field", contains("link"));
        as(key).body(SEM_ONE).put("/api/v1/published-constants/session-rating-4/9.9.9").then().statusCode(422)
                .body("errors.field", contains("version"));
        as(key).body(SEM_ONE).put("/api/v1/published-constants/no-such-form/1.0.0").then().statusCode(422)
                .body("errors.field", contains("questionnaireId"));
        // Every error at once, so a client fixes them in one round trip.
        as(key).body("{\"scales\":{\"total\":{\"referenceSd\":0,\"reliability\":2}}}").put(PATH).then()
                .statusCode(422).body("errors.field",
                        hasItems("citation", "scales.total.referenceSd", "scales.total.reliability"));

        as(key).get(PATH + "/revisions").then().statusCode(200).body("", empty());
    }

    @Test
    void shouldJudgeDropsByTheOrganizationsConstantsThenTurnTheRulesOffWhenWithdrawn() {
        // 38, 38, 38, 30: a fall of 8 at session 4, under the cutoff 36 too.
        String pairId = answer("c-1", 9.5, 9.5, 9.5, 7.5);
        trends(pairId).body("[0].events.type", contains("below-cutoff"))
                .body("[0].constants[0].scale", equalTo("total"))
                .body("[0].constants[0].source", nullValue())
                .body("[0].constants[0].status", containsString("drop rules off"))
                .body("[0].constants[0].status", containsString("no local norms computed yet"));

        as(key).body(SEM_ONE).put(PATH).then().statusCode(200);
        trends(pairId).body("[0].events.type", contains("below-cutoff", "reliable-drop", "personal-drop"))
                .body("[0].constants[0].source", equalTo("organization"))
                .body("[0].constants[0].sourceDetail", containsString("A made-up table for this test"))
                .body("[0].constants[0].sem", closeTo(1.0, 1e-9))
                .body("[0].events[1].detail.threshold", closeTo(3 * Math.sqrt(2), 1e-9))
                .body("[0].events[1].detail.constants.referenceSdSource", equalTo("organization"))
                .body("[0].events[1].detail.explanation", containsString("fell from 38.00 to 30.00"))
                .body("[0].events[1].detail.explanation", containsString("at least 4.24"));

        as(key).delete(PATH).then().statusCode(200);
        trends(pairId).body("[0].events.type", contains("below-cutoff"));
    }

    @Test
    void shouldRaiseAnAlertThatExplainsItselfAndNotReRaiseOldSessionsWhenConstantsChange() {
        String old = answer("c-old", 9.5, 9.5, 9.5, 7.5);
        as(key).body(SEM_ONE).put(PATH).then().statusCode(200);
        // The old pair's session 4 now shows a rupture in its trend, but no alert about the past is raised.
        trends(old).body("[0].events.type", hasItem("reliable-drop"));
        as(key).get("/api/v1/alerts?pairId=" + old).then().body("items.type", contains("below-cutoff"));

        String pairId = answer("c-2", 9.5, 9.5, 9.5, 7.5);
        as(key).get("/api/v1/alerts?pairId=" + pairId).then().statusCode(200)
                .body("items.type", hasItems("reliable-drop", "personal-drop", "below-cutoff"))
                .body("items.find { it.type == 'reliable-drop' }.explanation", containsString("Reliable drop"))
                .body("items.find { it.type == 'reliable-drop' }.detail.constants.referenceSdDetail",
                        containsString("A made-up table"));
    }

    @Test
    void shouldComputeLocalNormsFromThirtyPairsAndUseThemBelowTheOrganizationsConstants() {
        String pairId = answer("c-0", 9.5, 9.5, 9.5, 7.5);
        as(key).post("/api/v1/norms/recompute").then().statusCode(200).body("failedVersions", equalTo(0))
                .body("norms.find { it.scale == 'total' }.pairs", equalTo(1))
                .body("norms.find { it.scale == 'total' }.inUse", equalTo(false))
                .body("norms.find { it.scale == 'total' }.status",
                        equalTo("not enough data yet: 1 of 30 pairs"));
        trends(pairId).body("[0].constants[0].status", containsString("not enough data yet: 1 of 30 pairs"));

        for (int p = 1; p < 30; p++) {
            // In tenths, so every value lies on the lines' 0.1 step.
            int level = 85 + (p % 6) * 2;
            answer("c-" + p, level / 10.0, (level + p % 3 - 1) / 10.0, (level + 2 * (p % 2)) / 10.0);
        }
        as(key).post("/api/v1/norms/recompute").then().statusCode(200);
        ValidatableResponse norms = as(key).config(doubles()).get("/api/v1/norms?questionnaireId=session-rating-4")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].pairs", equalTo(30)).body("[0].responses", equalTo(4 + 29 * 3))
                .body("[0].referenceSample", equalTo("first-scored-response-per-pair"))
                .body("[0].inUse", equalTo(true)).body("[0].status", equalTo("in use"))
                .body("[0].alpha", not(nullValue())).body("[0].alphaLower95", not(nullValue()))
                .body("[0].sem", not(nullValue())).body("[0].noiseSd", not(nullValue()));
        double noiseSd = norms.extract().jsonPath().getDouble("[0].noiseSd");

        trends(pairId).body("[0].constants[0].source", equalTo("local-norms"))
                .body("[0].constants[0].withinSd", closeTo(noiseSd, 1e-9))
                .body("[0].constants[0].withinSdDetail", containsString("from 30 pairs"));
        as(key).body(SEM_ONE).put(PATH).then().statusCode(200);
        // The organization's constants win for the SEM; the session-to-session SD still comes from local norms.
        trends(pairId).body("[0].constants[0].source", equalTo("organization"))
                .body("[0].constants[0].sem", closeTo(1.0, 1e-9))
                .body("[0].constants[0].withinSd", closeTo(noiseSd, 1e-9))
                .body("[0].constants[0].errorSd", closeTo(Math.max(1.0, noiseSd), 1e-9));
    }

    @Test
    void shouldFlagASplitAllianceWithThePublishedConstants() {
        String pairA = ScoredPairs.coupleSeenOnce(key, ScoredPairs.same(10), ScoredPairs.same(7));
        // Without constants the difference of 12 is shown but not judged.
        trends(pairA).body("[0].splitAlliance.threshold", nullValue()).body("[0].splitAlliance.events", empty());

        as(key).body(SEM_ONE).put(PATH).then().statusCode(200);
        // SEM 1: threshold 1.96 · √2 · 1 = 2.77 ≤ 12
        trends(pairA).body("[0].splitAlliance.threshold", closeTo(1.96 * Math.sqrt(2), 1e-9))
                .body("[0].splitAlliance.events.type", contains("split-alliance"))
                .body("[0].splitAlliance.events[0].detail.constants.referenceSdSource", equalTo("organization"))
                .body("[0].splitAlliance.events[0].detail.explanation", containsString("differ by 12.00"));
    }

    private static RestAssuredConfig doubles() {
        return RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private ValidatableResponse trends(String pairId) {
        return as(key).config(doubles()).get("/api/v1/pairs/" + pairId + "/trends").then().statusCode(200);
    }

    /** One session per value, each answered with all four lines at that value; returns the pair id. */
    private String answer(String clientId, double... values) {
        return ScoredPairs.answered(key, clientId, "t-1",
                Arrays.stream(values).mapToObj(ScoredPairs::same).toArray(double[][]::new));
    }
}
