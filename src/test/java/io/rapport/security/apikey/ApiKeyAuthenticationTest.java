package io.rapport.security.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.TestDatabase;
import io.rapport.security.Secrets;
import io.restassured.http.ContentType;

@QuarkusTest
class ApiKeyAuthenticationTest {

    @Test
    void shouldAnswer401WithoutAKey() {
        given().get("/api/v1/pairs").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldAnswer401ForAnUnknownKey() {
        given().auth().oauth2("rpk_not-a-real-key").get("/api/v1/pairs").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAKeyRevokedInTheDatabaseOnceTheCacheTimeHasPassed() throws Exception {
        String key = Api.newOrganization();
        given().auth().oauth2(key).get("/api/v1/pairs").then().statusCode(200);
        try (Connection db = TestDatabase.owner().getConnection();
                PreparedStatement revoke = db.prepareStatement(
                        "update api_key set revoked_at = now() where key_hash = ?")) {
            revoke.setString(1, Secrets.hash(key));
            assertThat(revoke.executeUpdate()).isEqualTo(1);
        }
        // The test profile trusts a looked-up key for 1 s.
        Awaitility.await("the revocation to take effect").atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(key).get("/api/v1/pairs").statusCode(), status -> status == 401);
    }

    @Test
    void shouldAnswer401ForAnotherScheme() {
        given().header("Authorization", "Basic " + Api.BOOTSTRAP_KEY).get("/api/v1/pairs").then().statusCode(401);
    }

    @Test
    void shouldAcceptTheBootstrapKeyForTheDefaultOrganization() {
        given().auth().oauth2(Api.BOOTSTRAP_KEY).get("/api/v1/pairs").then().statusCode(200);
    }

    @Test
    void shouldLetOnlyTheOperatorCreateOrganizations() {
        String adminKey = Api.newOrganization();
        org.assertj.core.api.Assertions.assertThat(adminKey).startsWith("rpk_").hasSizeGreaterThan(40);
        given().auth().oauth2(adminKey).contentType(ContentType.JSON).body("{\"slug\":\"x-1\",\"name\":\"X\"}")
                .post("/api/v1/organizations").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldKeepTheOperatorAwayFromClientData() {
        given().auth().oauth2(Api.OPERATOR_KEY).get("/api/v1/pairs").then().statusCode(403);
    }

    @Test
    void shouldRefuseATakenOrganizationSlug() {
        given().auth().oauth2(Api.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"default\",\"name\":\"Again\"}")
                .post("/api/v1/organizations").then().statusCode(409)
                .body("errors[0].field", equalTo("slug"))
                .body("detail", containsString("slug"));
    }
}
