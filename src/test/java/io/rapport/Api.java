package io.rapport;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls the running test application as one organization or another. */
public final class Api {

    /** Configured for the test profile in application.properties. */
    public static final String OPERATOR_KEY = "test-operator-key-0123456789";
    public static final String BOOTSTRAP_KEY = "test-bootstrap-key-0123456789";

    private Api() {
    }

    /** Creates a fresh organization through the operator API and returns its admin key. */
    public static String newOrganization() {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        return given().auth().oauth2(OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Test clinic " + slug + "\"}")
                .post("/api/v1/organizations")
                .then().statusCode(201)
                .extract().path("adminApiKey");
    }

    public static RequestSpecification as(String apiKey) {
        return given().auth().oauth2(apiKey).contentType(ContentType.JSON);
    }

    public static String session(String clientId, String therapistId) {
        return session(clientId, therapistId, "2026-11-20T15:00:00Z");
    }

    /** A session's body; {@code occurredAt} as ISO-8601 UTC. */
    public static String session(String clientId, String therapistId, String occurredAt) {
        return "{\"clientId\":\"" + clientId + "\",\"therapistId\":\"" + therapistId
                + "\",\"occurredAt\":\"" + occurredAt + "\"}";
    }
}
