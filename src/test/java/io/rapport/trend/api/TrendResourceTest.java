package io.rapport.trend.api;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;

/** Trends of pairs whose clients answered the default session rating (four 0–10 lines, cutoff 36). */
@QuarkusTest
class TrendResourceTest {

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldComputeTheTrendOfAPairAsPublished() {
        // Totals 38, 37, 30, 39 at sessions 1–4.
        String pairId = ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.same(9.5), new double[] { 9, 9, 9, 10 },
                ScoredPairs.same(7.5), new double[] { 10, 10, 10, 9 });
        // mean = 144/4 = 36; deviations 2, 1, -6, 3 → SD = √(50/3) = 4.0825
        // slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (−3 −0.5 −3 +4.5)/5 = −0.4
        trends(pairId)
                .body("", hasSize(1))
                .body("[0].questionnaireId", equalTo("session-rating-4"))
                .body("[0].version", equalTo("1.0.0"))
                .body("[0].points.sessionNumber", contains(1, 2, 3, 4))
                .body("[0].points.total", contains(38.0, 37.0, 30.0, 39.0))
                .body("[0].mean", closeTo(36.0, 1e-9))
                .body("[0].sd", closeTo(Math.sqrt(50.0 / 3), 1e-9))
                .body("[0].slope", closeTo(-0.4, 1e-9))
                .body("[0].slopeCi95", hasSize(2))
                .body("[0].reliableChange.fromFirst", closeTo(1.0, 1e-9))
                .body("[0].reliableChange.fromPrevious", closeTo(9.0, 1e-9))
                // The instrument file carries no verified reference SD and reliability.
                .body("[0].reliableChange.threshold", nullValue())
                // 30 < 36 after two scores at or above it. Without constants or local norms no drop rule runs, so
                // nothing is a rupture and nothing is repaired; the trend says why.
                .body("[0].events.type", contains("below-cutoff"))
                .body("[0].events.sessionNumber", contains(3))
                .body("[0].events[0].detail.explanation", equalTo(
                        "Below the cutoff: the score 30.00 is under the clinical cutoff of 36.00 (previous score 37.00)."))
                .body("[0].constants[0].status", startsWith("drop rules off"));
    }

    @Test
    void shouldReportNoResponseAfterTwoExpiredAssignments() {
        String pairId = as(key).body(session("c-2", "t-1")).post("/api/v1/sessions").path("pairId");
        as(key).body(session("c-2", "t-1")).post("/api/v1/sessions").then().statusCode(201);
        // The test reaches into the database to make both links expire now.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("update assignment set expires_at = now() - interval '1 minute'"
                        + " where session_id in (select id from session where pair_id = cast(?1 as uuid))")
                .setParameter(1, pairId).executeUpdate());
        as(key).get("/api/v1/pairs/" + pairId + "/trends").then().statusCode(200)
                .body("[0].points", hasSize(0))
                .body("[0].mean", nullValue())
                .body("[0].events.type", contains("no-response"))
                .body("[0].events.sessionNumber", contains(2));
    }

    @Test
    void shouldHideAnotherOrganizationsPair() {
        String pairId = ScoredPairs.answered(key, "c-3", "t-1", ScoredPairs.same(9));
        as(Api.newOrganization()).get("/api/v1/pairs/" + pairId + "/trends").then().statusCode(404);
        as(key).get("/api/v1/pairs/not-a-pair/trends").then().statusCode(404);
    }

    @Test
    void shouldReportTheSplitOfACoupleSeenTogether() {
        String pairA = ScoredPairs.coupleSeenOnce(key, ScoredPairs.same(10), ScoredPairs.same(7));
        // 40 − 28 = 12 at the one joint session.
        trends(pairA)
                .body("[0].splitAlliance.points", hasSize(1))
                .body("[0].splitAlliance.points[0].difference", closeTo(12.0, 1e-9));
    }

    /** REST Assured reads JSON numbers as floats unless told otherwise; the figures here need doubles. */
    private io.restassured.response.ValidatableResponse trends(String pairId) {
        return as(key).config(io.restassured.config.RestAssuredConfig.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig()
                        .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE)))
                .get("/api/v1/pairs/" + pairId + "/trends").then().statusCode(200);
    }
}
