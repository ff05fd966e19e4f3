package io.rapport.care;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.TestDatabase;

@QuarkusTest
class PairResourceTest {

    String key;

    @BeforeEach
    void threePairs() {
        key = Api.newOrganization();
        as(key).body(session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201);
        as(key).body(session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201);
        as(key).body(session("c-2", "t-1")).post("/api/v1/sessions").then().statusCode(201);
        as(key).body(session("c-3", "t-2")).post("/api/v1/sessions").then().statusCode(201);
    }

    @Test
    void shouldListPairsByTherapist() {
        as(key).queryParam("therapistId", "t-1").get("/api/v1/pairs")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.clientId", containsInAnyOrder("c-1", "c-2"));
    }

    @Test
    void shouldListPairsByClientWithSessionCounts() {
        as(key).queryParam("clientId", "c-1").get("/api/v1/pairs")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].therapistId", equalTo("t-1"))
                .body("items[0].sessionCount", equalTo(2));
    }

    @Test
    void shouldKeepTheCountAndLatestTimeWhateverOrderSessionsComeAndGoIn() throws Exception {
        for (String day : List.of("2026-11-10", "2026-11-03", "2026-11-07")) {
            as(key).body("{\"clientId\":\"c-9\",\"therapistId\":\"t-9\",\"occurredAt\":\"" + day + "T09:00:00Z\"}")
                    .post("/api/v1/sessions").then().statusCode(201);
        }
        as(key).queryParam("clientId", "c-9").get("/api/v1/pairs").then().statusCode(200)
                .body("items[0].sessionCount", equalTo(3))
                .body("items[0].lastSessionAt", equalTo("2026-11-10T09:00:00Z"));

        String pairId = as(key).queryParam("clientId", "c-9").get("/api/v1/pairs").path("items[0].id");
        try (Connection db = TestDatabase.owner().getConnection()) {
            // Sessions are only removed with their client (erasure); the summary must follow any removal.
            String first = "select id from session where pair_id = '" + pairId + "' and session_number = 1";
            String assignments = "select id from assignment where session_id in (" + first + ")";
            db.createStatement().executeUpdate("delete from assignment_link where assignment_id in (" + assignments + ")");
            db.createStatement().executeUpdate("delete from assignment where id in (" + assignments + ")");
            db.createStatement().executeUpdate("delete from session where id in (" + first + ")");
        }
        as(key).queryParam("clientId", "c-9").get("/api/v1/pairs").then().statusCode(200)
                .body("items[0].sessionCount", equalTo(2))
                .body("items[0].lastSessionAt", equalTo("2026-11-07T09:00:00Z"));
    }

    @Test
    void shouldPaginate() {
        as(key).queryParam("size", 2).get("/api/v1/pairs").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("page", equalTo(0));
        as(key).queryParam("size", 2).queryParam("page", 1).get("/api/v1/pairs").then().statusCode(200)
                .body("items", hasSize(1)).body("page", equalTo(1));
    }

    @Test
    void shouldRefuseABadPageNamingTheParameter() {
        as(key).queryParam("page", "x").get("/api/v1/pairs").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        as(key).queryParam("size", 0).get("/api/v1/pairs").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        as(key).queryParam("therapistId", "a b").get("/api/v1/pairs").then().statusCode(422)
                .body("errors[0].field", equalTo("therapistId"));
    }

    @Test
    void shouldShowAPairWithItsSessionsAndAssignments() {
        String pairId = as(key).queryParam("clientId", "c-1").get("/api/v1/pairs").path("items[0].id");
        as(key).get("/api/v1/pairs/" + pairId)
                .then().statusCode(200)
                .body("clientId", equalTo("c-1"))
                .body("therapistId", equalTo("t-1"))
                .body("sessions.sessionNumber", org.hamcrest.Matchers.contains(1, 2))
                .body("sessions[0].assignments", hasSize(1))
                .body("sessions[0].assignments[0].status", equalTo("open"));
    }

    @Test
    void shouldAnswerNotFoundForUnknownOrMalformedPairIds() {
        as(key).get("/api/v1/pairs/00000000-0000-0000-0000-00000000abcd").then().statusCode(404)
                .contentType("application/problem+json");
        as(key).get("/api/v1/pairs/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }
}
