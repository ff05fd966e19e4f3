package io.rapport.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void shouldReportReadinessWithTheDatabaseCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().get("/api/v1/pairs");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void shouldDocumentTheApiInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/sessions'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/pairs/{pairId}'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/therapists/{externalId}'.put", org.hamcrest.Matchers.notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldSendSecurityHeadersAndNoCorsGrant() {
        given().header("Origin", "https://evil.example").get("/api/v1/pairs").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
