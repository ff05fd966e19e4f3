package io.rapport.alert.webhook;

import static io.rapport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.response.Response;

@QuarkusTest
class WebhookResourceTest {

    private static final String URL = "http://127.0.0.1:9/rapport";

    @Inject
    WebhookEndpointRepository endpoints;

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldCreateAnEndpointAndShowItsSecretOnlyOnce() {
        Response created = as(key)
                .body("{\"url\":\"" + URL + "\",\"description\":\"EHR inbox\",\"eventTypes\":[\"alert.below-cutoff\"]}")
                .post("/api/v1/webhooks");
        created.then().statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("url", equalTo(URL))
                .body("description", equalTo("EHR inbox"))
                .body("eventTypes", contains("alert.below-cutoff"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="));
        String id = created.path("id");
        String secret = created.path("secret");

        String shown = as(key).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("url", equalTo(URL)).body("$", not(hasKey("secret")))
                .extract().asString();
        as(key).get("/api/v1/webhooks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0]", not(hasKey("secret")));
        String stored = QuarkusTransaction.requiringNew().call(() -> endpoints.findById(UUID.fromString(id)).secret);

        assertThat(shown).doesNotContain(secret);
        assertThat(stored).startsWith("aesgcm:").doesNotContain(secret.substring(6));
    }

    @Test
    void shouldReceiveEveryTypeWithoutAFilter() {
        as(key).body("{\"url\":\"" + URL + "\"}").post("/api/v1/webhooks").then().statusCode(201)
                .body("eventTypes", nullValue());
    }

    @Test
    void shouldDeleteAnEndpoint() {
        String id = as(key).body("{\"url\":\"" + URL + "\"}").post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");

        as(key).delete("/api/v1/webhooks/" + id).then().statusCode(204);

        as(key).get("/api/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        as(key).delete("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void shouldRefuseUrlsThatAreNotHttpNamingUrl() {
        for (String url : new String[] { "ftp://127.0.0.1/x", "file:///etc/passwd", "not a url", "http://",
                "https://u:p@127.0.0.1/x", "" }) {
            as(key).body("{\"url\":\"" + url + "\"}").post("/api/v1/webhooks").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        as(key).body("{\"description\":\"no url\"}").post("/api/v1/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("url"));
        as(key).get("/api/v1/webhooks").then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseUnknownOrEmptyEventTypes() {
        as(key).body("{\"url\":\"" + URL + "\",\"eventTypes\":[\"response.completed\",\"alert.nope\"]}")
                .post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventTypes[1]"));
        as(key).body("{\"url\":\"" + URL + "\",\"eventTypes\":[]}").post("/api/v1/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("eventTypes"));
    }

    @Test
    void shouldHideAnotherOrganizationsEndpoints() {
        String id = as(key).body("{\"url\":\"" + URL + "\"}").post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        String otherKey = Api.newOrganization();

        as(otherKey).get("/api/v1/webhooks/" + id).then().statusCode(404);
        as(otherKey).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        as(otherKey).get("/api/v1/webhooks").then().body("total", equalTo(0));
        as(key).get("/api/v1/webhooks/" + id).then().statusCode(200);
    }
}
