package io.rapport.care;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;

/** Two organizations in one database: neither can see or touch the other's records. */
@QuarkusTest
class OrganizationIsolationTest {

    String clinicA;
    String clinicB;
    String pairOfA;

    @BeforeEach
    void twoOrganizations() {
        clinicA = Api.newOrganization();
        clinicB = Api.newOrganization();
        pairOfA = as(clinicA).body(session("shared-client", "shared-therapist")).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("pairId");
    }

    @Test
    void shouldHideAnotherOrganizationsPair() {
        as(clinicB).get("/api/v1/pairs/" + pairOfA).then().statusCode(404);
        as(clinicA).get("/api/v1/pairs/" + pairOfA).then().statusCode(200);
    }

    @Test
    void shouldNotListAnotherOrganizationsPairs() {
        as(clinicB).queryParam("clientId", "shared-client").get("/api/v1/pairs").then().body("total", equalTo(0));
        as(clinicB).get("/api/v1/pairs").then().body("total", equalTo(0));
    }

    @Test
    void shouldKeepTheSameExternalIdsSeparate() {
        String pairOfB = as(clinicB).body(session("shared-client", "shared-therapist")).post("/api/v1/sessions")
                .then().statusCode(201).body("sessionNumber", equalTo(1)).extract().path("pairId");
        org.assertj.core.api.Assertions.assertThat(pairOfB).isNotEqualTo(pairOfA);
        as(clinicB).body("{}").put("/api/v1/therapists/shared-therapist").then().statusCode(200);
        as(clinicA).get("/api/v1/pairs/" + pairOfA).then().body("sessions.size()", equalTo(1));
    }

    @Test
    void shouldNotReplayAnotherOrganizationsEncounterOrIdempotencyKey() {
        String body = "{\"clientId\":\"c\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"encounterId\":\"E-shared\"}";
        String sessionOfA = as(clinicA).header("Idempotency-Key", "shared-key").body(body).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("id");
        as(clinicB).header("Idempotency-Key", "shared-key").body(body).post("/api/v1/sessions")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("id", not(equalTo(sessionOfA)));
    }
}
