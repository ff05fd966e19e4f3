package io.rapport.care;

import static io.rapport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.response.Response;

/** A couple seen together: one session per client, each in their own pair, linked by a group id. */
@QuarkusTest
class JointSessionTest {

    static final String COUPLE = "{\"clientIds\":[\"partner-a\",\"partner-b\"],\"therapistId\":\"t-1\","
            + "\"occurredAt\":\"2026-11-20T15:00:00Z\",\"encounterId\":\"couple-1\"}";

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldCreateOneSessionPerClientInTheirOwnPairs() {
        Response r = as(key).body(COUPLE).post("/api/v1/sessions");
        r.then().statusCode(201)
                .body("groupId", notNullValue())
                .body("sessions", hasSize(2))
                .body("sessions.sessionNumber", everyItem(equalTo(1)))
                .body("sessions[0].assignments[0].formUrl", notNullValue())
                .body("sessions[0].pairId", not(equalTo(r.path("sessions[1].pairId"))));
        as(key).queryParam("therapistId", "t-1").get("/api/v1/pairs").then().body("total", equalTo(2));
    }

    @Test
    void shouldReplayAJointSessionByEncounter() {
        Response first = as(key).body(COUPLE).post("/api/v1/sessions");
        as(key).body(COUPLE).post("/api/v1/sessions").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("groupId", equalTo(first.path("groupId")))
                .body("sessions", hasSize(2));
        as(key).body(COUPLE.replace("partner-b", "partner-c")).post("/api/v1/sessions").then().statusCode(409)
                .body("errors[0].field", equalTo("encounterId"));
    }

    @Test
    void shouldRefuseBothOrNeitherClientFieldAndDuplicates() {
        as(key).body(
                "{\"clientId\":\"a\",\"clientIds\":[\"b\",\"c\"],\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}")
                .post("/api/v1/sessions").then().statusCode(422).body("errors[0].field", equalTo("clientId"));
        as(key).body("{\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}")
                .post("/api/v1/sessions").then().statusCode(422).body("errors[0].field", equalTo("clientId"));
        as(key).body("{\"clientIds\":[\"b\",\"b\"],\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}")
                .post("/api/v1/sessions").then().statusCode(422).body("errors[0].field", equalTo("clientIds"));
        as(key).body("{\"clientIds\":[\"b\",\"not ok\"],\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}")
                .post("/api/v1/sessions").then().statusCode(422).body("errors[0].field", equalTo("clientIds[1]"));
        as(key).get("/api/v1/pairs").then().body("total", equalTo(0));
    }
}
