package io.rapport.schedule;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.security.Roles;
import io.rapport.security.apikey.ApiKeyService;
import io.restassured.http.ContentType;

@QuarkusTest
class ScheduleResourceTest {

    /** Session rating every session, WAI-SR at 1, 3, 7, 11, ..., CARE at 3, 6, 9, .... */
    private static final String SCHEDULE = """
            {"rules": [
              {"questionnaireId": "session-rating-4", "every": 1},
              {"questionnaireId": "wai-sr", "version": "1.0.0", "sessions": [1], "every": 4, "startingAt": 3},
              {"questionnaireId": "care", "every": 3}]}""";

    @Inject
    ApiKeyService apiKeys;

    String admin;
    String ehr;

    @BeforeEach
    void newOrganization() {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> created = given().auth().oauth2(Api.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Schedule clinic\"}")
                .post("/api/v1/organizations").then().statusCode(201).extract().as(Map.class);
        admin = (String) created.get("adminApiKey");
        UUID organizationId = UUID.fromString((String) created.get("id"));
        ehr = QuarkusTransaction.requiringNew().call(() -> apiKeys.issue(organizationId, Roles.EHR, "test ehr"));
    }

    @Test
    void shouldServeTheDefaultScheduleUntilOneIsSaved() {
        as(ehr).get("/api/v1/schedule").then().statusCode(200)
                .body("default", equalTo(true))
                .body("rules", hasSize(1))
                .body("rules[0].questionnaireId", equalTo("session-rating-4"))
                .body("rules[0].version", equalTo("1.0.0"))
                .body("rules[0].every", equalTo(1));
    }

    @Test
    void shouldSaveAValidScheduleAndResolveOmittedVersions() {
        as(admin).body(SCHEDULE).put("/api/v1/schedule").then().statusCode(200)
                .body("default", equalTo(false))
                .body("updatedAt", notNullValue())
                .body("rules.questionnaireId", equalTo(List.of("session-rating-4", "wai-sr", "care")))
                .body("rules.version", equalTo(List.of("1.0.0", "1.0.0", "1.0.0")));
        as(ehr).get("/api/v1/schedule").then().statusCode(200)
                .body("default", equalTo(false))
                .body("rules", hasSize(3))
                .body("rules[1].sessions", equalTo(List.of(1)))
                .body("rules[1].every", equalTo(4))
                .body("rules[1].startingAt", equalTo(3))
                .body("rules[2].every", equalTo(3));
    }

    @Test
    void shouldReplaceThePreviousSchedule() {
        as(admin).body(SCHEDULE).put("/api/v1/schedule").then().statusCode(200);
        as(admin).body("{\"rules\": [{\"questionnaireId\": \"care\", \"sessions\": [2, 1]}]}")
                .put("/api/v1/schedule").then().statusCode(200);
        as(admin).get("/api/v1/schedule").then().statusCode(200)
                .body("rules", hasSize(1))
                .body("rules[0].questionnaireId", equalTo("care"))
                .body("rules[0].sessions", equalTo(List.of(1, 2)));
    }

    @Test
    void shouldAssignExactlyWhatTheScheduleAsksFor() {
        as(admin).body(SCHEDULE).put("/api/v1/schedule").then().statusCode(200);
        Map<Integer, List<String>> expected = Map.of(
                1, List.of("session-rating-4", "wai-sr"),
                2, List.of("session-rating-4"),
                3, List.of("session-rating-4", "wai-sr", "care"),
                4, List.of("session-rating-4"),
                7, List.of("session-rating-4", "wai-sr"));
        for (int number : List.of(1, 2, 3, 4, 7)) {
            String body = "{\"clientId\":\"c-1\",\"therapistId\":\"t-1\",\"occurredAt\":\"2026-11-20T15:00:00Z\","
                    + "\"sessionNumber\":" + number + "}";
            List<String> ids = as(ehr).body(body).post("/api/v1/sessions").then().statusCode(201)
                    .body("assignments.questionnaireVersion", hasSize(expected.get(number).size()))
                    .extract().path("assignments.questionnaireId");
            assertThat(ids).as("session %d", number).isEqualTo(expected.get(number));
        }
    }

    @Test
    void shouldNameEveryInvalidField() {
        String body = """
                {"rules": [
                  {"questionnaireId": "no-such", "every": 1},
                  {"questionnaireId": "wai-sr", "version": "9.9.9", "every": 0},
                  {"questionnaireId": "sai", "version": "0.1.0", "sessions": [1, 1001, 1]},
                  {"questionnaireId": "care", "startingAt": 2},
                  {"questionnaireId": "care", "every": 3},
                  {"questionnaireId": "arm-5"}]}""";
        as(admin).body(body).put("/api/v1/schedule").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder(
                        "rules[0].questionnaireId",
                        "rules[1].version",
                        "rules[1].every",
                        "rules[2].version",
                        "rules[2].sessions[1]",
                        "rules[2].sessions[2]",
                        "rules[3].startingAt",
                        "rules[3]",
                        "rules[4].questionnaireId",
                        "rules[5]"));
        as(admin).get("/api/v1/schedule").then().body("default", equalTo(true));
    }

    @Test
    void shouldRefuseAnEmptyScheduleAndUnknownFields() {
        as(admin).body("{\"rules\": []}").put("/api/v1/schedule").then().statusCode(422)
                .body("errors[0].field", equalTo("rules"));
        as(admin).body("{\"rules\": [{\"questionnaireId\": \"care\", \"every\": 1, \"often\": true}]}")
                .put("/api/v1/schedule").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rules[0].often"));
    }

    @Test
    void shouldAcceptAnUnreleasedVersionOnlyWhenExplicitlyAllowed() {
        as(admin).body("{\"rules\": [{\"questionnaireId\": \"sai\", \"every\": 1}]}").put("/api/v1/schedule")
                .then().statusCode(422).body("errors[0].field", equalTo("rules[0].version"));
        as(admin).body("{\"rules\": [{\"questionnaireId\": \"sai\", \"every\": 1, \"allowUnreleased\": true}]}")
                .put("/api/v1/schedule").then().statusCode(422)
                .body("errors[0].field", equalTo("rules[0].allowUnreleased"));
        as(admin).body("{\"rules\": [{\"questionnaireId\": \"sai\", \"version\": \"0.1.0\", \"every\": 1,"
                + " \"allowUnreleased\": true}]}").put("/api/v1/schedule").then().statusCode(200)
                .body("rules[0].version", equalTo("0.1.0"))
                .body("rules[0].allowUnreleased", equalTo(true));
    }

    @Test
    void shouldLetOnlyAdminsChangeTheSchedule() {
        as(ehr).body(SCHEDULE).put("/api/v1/schedule").then().statusCode(403)
                .contentType("application/problem+json");
        as(ehr).get("/api/v1/schedule").then().statusCode(200).body("default", equalTo(true));
    }

    @Test
    void shouldKeepEachOrganizationsScheduleToItself() {
        as(admin).body(SCHEDULE).put("/api/v1/schedule").then().statusCode(200);
        as(Api.newOrganization()).get("/api/v1/schedule").then().statusCode(200).body("default", equalTo(true));
    }
}
