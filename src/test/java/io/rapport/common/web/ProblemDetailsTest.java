package io.rapport.common.web;

import static io.rapport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.response.ValidatableResponse;

/** Bad input gets a 4xx problem document naming the field, and writes nothing. */
@QuarkusTest
class ProblemDetailsTest {

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"clientId\":\"c\",|400|",
            "wrong type for a string|{\"clientId\":12,\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}|400|clientId",
            "string for a number|{\"clientId\":\"c\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"sessionNumber\":\"3\"}|400|sessionNumber",
            "fraction for a whole number|{\"clientId\":\"c\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"sessionNumber\":2.5}|400|sessionNumber",
            "unknown field|{\"clientId\":\"c\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"clientid\":\"x\"}|400|clientid",
            "date without zone|{\"clientId\":\"c\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00\"}|400|occurredAt",
            "date that does not exist|{\"clientId\":\"c\",\"therapistId\":\"t\",\"occurredAt\":\"2026-02-30T15:00:00Z\"}|400|occurredAt",
            "empty id|{\"clientId\":\"\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}|422|clientId",
            "missing date|{\"clientId\":\"c\",\"therapistId\":\"t\"}|422|occurredAt",
            "session number zero|{\"clientId\":\"c\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"sessionNumber\":0}|422|sessionNumber",
            "array body|[]|400|body",
            "null body|null|422|body",
            "duplicate field|{\"clientId\":\"c\",\"clientId\":\"d\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}|400|",
    })
    void shouldRefuseBadSessionBodiesAndWriteNothing(String name, String body, int status, String field) {
        ValidatableResponse r = as(key).body(body).post("/api/v1/sessions").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("requestId", notNullValue());
        if (field != null && !field.isEmpty()) {
            r.body("errors.field", hasItem(field)).body("detail", containsString(field));
        }
        as(key).get("/api/v1/pairs").then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAnOverLongIdNamingIt() {
        String body = "{\"clientId\":\"" + "c".repeat(129)
                + "\",\"therapistId\":\"t\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}";
        as(key).body(body).post("/api/v1/sessions").then().statusCode(422)
                .body("errors[0].field", equalTo("clientId"));
        as(key).get("/api/v1/pairs").then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseDeepNestingWithoutAServerError() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        as(key).body("{\"clientId\":" + deep + "}").post("/api/v1/sessions").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNeverLeakClassNamesOrStackTraces() {
        as(key).body("{\"clientId\":{\"a\":1},\"therapistId\":\"t\",\"occurredAt\":\"x\"}").post("/api/v1/sessions")
                .then().statusCode(400)
                .body(not(containsString("io.rapport")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void shouldAnswerProblemDetailsForWrongMediaTypeMethodAndPath() {
        io.restassured.RestAssured.given().auth().oauth2(key).contentType("text/plain").body("hello")
                .post("/api/v1/sessions").then().statusCode(415).contentType("application/problem+json");
        as(key).delete("/api/v1/sessions").then().statusCode(405).contentType("application/problem+json");
        as(key).get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldEchoTheRequestIdInHeaderAndBody() {
        as(key).header("X-Request-Id", "trace-12345678").body("{").post("/api/v1/sessions")
                .then().statusCode(400)
                .header("X-Request-Id", "trace-12345678")
                .body("requestId", equalTo("trace-12345678"));
    }
}
