package io.rapport.insight;

import static io.rapport.Api.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/** Empathic accuracy per therapist and for the organization (issue 16, item 2), with small cells withheld. */
@QuarkusTest
class AccuracyInsightsTest {

    static final String PATH = "/api/v1/insights/session-rating-4/accuracy";

    String key;

    @BeforeEach
    void organization() {
        key = Api.newOrganization();
        as(key).body("{\"rules\":[{\"questionnaireId\":\"session-rating-4\",\"every\":1},"
                + "{\"questionnaireId\":\"session-rating-4-prediction\",\"every\":1}]}").put("/api/v1/schedule")
                .then().statusCode(200);
    }

    @Test
    void shouldGiveMeanAbsoluteAndSignedGapsWithIntervalsOverPairsAndWithholdSmallCells() {
        // t-3: six pairs, gaps +4, +2, 0, -2, +6 and +2 (the last averaged over two sessions, +4 and 0).
        rated("t-3", "a", 30, 34);
        rated("t-3", "b", 30, 32);
        rated("t-3", "c", 30, 30);
        rated("t-3", "d", 30, 28);
        rated("t-3", "e", 30, 36);
        rated("t-3", "f", 28, 32);
        rated("t-3", "f", 32, 32);
        // t-1: five pairs, the smallest shown cell; t-2: two pairs, a small cell.
        for (String c : new String[] { "g", "h", "i", "j", "k" }) {
            rated("t-1", c, 30, 32);
        }
        rated("t-2", "l", 20, 36);
        rated("t-2", "m", 20, 36);

        // Decimals as doubles; counts stay integers.
        Response r = as(key).config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .get(PATH);
        r.then().statusCode(200).body("predictionId", equalTo("session-rating-4-prediction"))
                .body("minPairs", equalTo(5))
                .body("therapists.therapistId", contains("t-1", "t-2", "t-3"))
                .body("therapists.suppressed", contains(true, true, false))
                .body("therapists[0].note", org.hamcrest.Matchers.startsWith("suppressed: shown beside the total"))
                .body("therapists[1].note", equalTo("withheld: fewer than 5 pairs rated from both sides (2)"))
                .body("therapists[1].meanSigned", nullValue())
                // Hand-computed: signed mean 12/6 = 2, s = sqrt(40/5), half-width t(0.975, 5) s/sqrt(6) = 2.968.
                .body("therapists[2].pairs", equalTo(6)).body("therapists[2].sessions", equalTo(7))
                .body("therapists[2].meanSigned", closeTo(2.0, 1e-9))
                .body("therapists[2].signedCi95[0]", closeTo(-0.9683, 1e-3))
                .body("therapists[2].signedCi95[1]", closeTo(4.9683, 1e-3))
                .body("therapists[2].meanAbsolute", closeTo(16.0 / 6, 1e-9))
                // Organization: 13 pairs, signed (12 + 10 + 32) / 13.
                .body("organization.suppressed", equalTo(false)).body("organization.pairs", equalTo(13))
                .body("organization.meanSigned", closeTo(54.0 / 13, 1e-9));
    }

    @Test
    void shouldRefuseAnInstrumentWithoutAPredictionFormNamingIt() {
        as(key).get("/api/v1/insights/care/accuracy").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("questionnaireId"));
        as(key).get(PATH + "?from=2026-13-01").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    /** One session of the pair: the client's total and the therapist's prediction of it. */
    private void rated(String therapist, String client, double actual, double predicted) {
        Response s = as(key).body(Api.session(client, therapist)).post("/api/v1/sessions");
        s.then().statusCode(201);
        ScoredPairs.submit(s.path("assignments[0].formUrl"), ScoredPairs.total(actual));
        ScoredPairs.submit(s.path("assignments[1].formUrl"), ScoredPairs.total(predicted));
    }
}
