package io.rapport.security.apikey;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.response.Response;

@QuarkusTest
class ApiKeyResourceTest {

    /** The test profile trusts a looked-up key for 1 s; a revocation must show within that, plus slack. */
    private static final Duration WITHIN_TTL = Duration.ofSeconds(4);

    String admin;

    @BeforeEach
    void organization() {
        admin = Api.newOrganization();
    }

    private Response issue(String body) {
        return as(admin).body(body).post("/api/v1/api-keys");
    }

    private Response issueEhr() {
        Response r = issue("{\"name\":\"EHR prod\",\"role\":\"ehr\",\"scopes\":[\"read\",\"write\"]}");
        r.then().statusCode(201);
        return r;
    }

    private static int statusWith(String key) {
        return given().auth().oauth2(key).get("/api/v1/pairs").statusCode();
    }

    @Test
    void shouldIssueAWorkingKeyAndNeverShowItAgain() {
        Response issued = issueEhr();
        String key = issued.path("key");
        String id = issued.path("apiKey.id");
        assertThat(key).startsWith("rpk_");
        assertThat(issued.header("Location")).endsWith("/api/v1/api-keys/" + id);
        assertThat((String) issued.path("apiKey.prefix")).isEqualTo(key.substring(0, 12));
        assertThat(statusWith(key)).isEqualTo(200);

        Response list = as(admin).get("/api/v1/api-keys");
        list.then().statusCode(200).body("items.id", hasItem(id));
        assertThat(list.asString()).doesNotContain(key).doesNotContain(key.substring(12)).doesNotContain("keyHash");
        Map<String, Object> row = list.jsonPath().getMap("items.find { it.id == '" + id + "' }");
        assertThat(row).containsEntry("role", "ehr").containsEntry("usable", true)
                .containsEntry("scopes", List.of("read", "write")).containsKey("lastUsedAt");
        assertThat(row.get("lastUsedAt")).as("the lookup of the first call").isNotNull();
    }

    @Test
    void shouldLimitAReadOnlyKeyToReading() {
        String key = issue("{\"name\":\"dashboard\",\"role\":\"ehr\",\"scopes\":[\"read\"]}").then().statusCode(201)
                .extract().path("key");
        assertThat(statusWith(key)).isEqualTo(200);
        given().auth().oauth2(key).contentType("application/json").body(Api.session("c-1", "T-1"))
                .post("/api/v1/sessions").then().statusCode(403);
    }

    @Test
    void shouldNameTheFieldOfBadInput() {
        Map<String, String> cases = Map.of(
                "{\"name\":\"x\",\"role\":\"operator\",\"scopes\":[\"read\"]}", "role",
                "{\"name\":\"x\",\"role\":\"ehr\",\"scopes\":[\"delete\"]}", "scopes[0]",
                "{\"name\":\"x\",\"role\":\"ehr\",\"scopes\":[]}", "scopes",
                "{\"name\":\"\",\"role\":\"ehr\",\"scopes\":[\"read\"]}", "name",
                "{\"name\":\"x\",\"role\":\"ehr\",\"scopes\":[\"read\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
                "expiresAt");
        cases.forEach((body, field) -> {
            Response r = issue(body);
            assertThat(r.statusCode()).as(body).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getList("errors.field", String.class)).as(body).contains(field);
        });
        as(admin).post("/api/v1/api-keys/not-a-uuid/revoke").then().statusCode(404);
        String id = issueEhr().path("apiKey.id");
        as(admin).queryParam("graceSeconds", "soon").post("/api/v1/api-keys/" + id + "/rotate").then()
                .statusCode(400);
        as(admin).queryParam("graceSeconds", "9999999999").post("/api/v1/api-keys/" + id + "/rotate").then()
                .statusCode(422);
    }

    @Test
    void shouldRefuseARevokedKeyWithinTheCacheTime() {
        Response issued = issueEhr();
        String key = issued.path("key");
        assertThat(statusWith(key)).isEqualTo(200);
        as(admin).post("/api/v1/api-keys/" + issued.path("apiKey.id") + "/revoke").then().statusCode(200)
                .body("usable", org.hamcrest.Matchers.is(false));
        Awaitility.await("the revocation").atMost(WITHIN_TTL).pollInterval(Duration.ofMillis(100))
                .until(() -> statusWith(key), status -> status == 401);
        as(admin).post("/api/v1/api-keys/" + issued.path("apiKey.id") + "/revoke").then().statusCode(200);
    }

    @Test
    void shouldAskBeforeRevokingTheKeyMakingTheCall() {
        Response second = issue("{\"name\":\"second admin\",\"role\":\"admin\",\"scopes\":[\"read\",\"write\"]}");
        String key = second.path("key");
        String id = second.path("apiKey.id");
        Response refused = given().auth().oauth2(key).post("/api/v1/api-keys/" + id + "/revoke");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getList("errors.field", String.class)).contains("confirm");
        assertThat(statusWith(key)).isEqualTo(200);
        given().auth().oauth2(key).queryParam("confirm", "true").post("/api/v1/api-keys/" + id + "/revoke").then()
                .statusCode(200);
        Awaitility.await("the revocation").atMost(WITHIN_TTL).until(() -> statusWith(key), status -> status == 401);
    }

    @Test
    void shouldKeepTheOldKeyWorkingForTheGracePeriodOfARotation() {
        Response issued = issueEhr();
        String old = issued.path("key");
        String oldId = issued.path("apiKey.id");
        Response rotated = as(admin).queryParam("graceSeconds", "3600").post("/api/v1/api-keys/" + oldId + "/rotate");
        rotated.then().statusCode(201);
        String fresh = rotated.path("key");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(statusWith(fresh)).isEqualTo(200);
        assertThat(statusWith(old)).isEqualTo(200);
        Map<String, Object> row = as(admin).get("/api/v1/api-keys").jsonPath()
                .getMap("items.find { it.id == '" + oldId + "' }");
        assertThat(row).containsEntry("replacedBy", rotated.path("apiKey.id")).containsEntry("usable", true);
        assertThat(Instant.parse((String) row.get("revokedAt"))).isAfter(Instant.now().plusSeconds(3500));
        as(admin).post("/api/v1/api-keys/" + oldId + "/rotate").then().statusCode(409);

        Response noGrace = as(admin).queryParam("graceSeconds", "0")
                .post("/api/v1/api-keys/" + rotated.path("apiKey.id") + "/rotate");
        noGrace.then().statusCode(201);
        Awaitility.await("the end of a rotation without grace").atMost(WITHIN_TTL)
                .until(() -> statusWith(fresh), status -> status == 401);
        assertThat(statusWith(noGrace.path("key"))).isEqualTo(200);
    }

    @Test
    void shouldStopAKeyAtItsEnd() {
        String key = issue("{\"name\":\"short\",\"role\":\"ehr\",\"scopes\":[\"read\"],\"expiresAt\":\""
                + Instant.now().plusSeconds(2) + "\"}").then().statusCode(201).extract().path("key");
        assertThat(statusWith(key)).isEqualTo(200);
        Awaitility.await("the key's end").atMost(Duration.ofSeconds(6)).until(() -> statusWith(key),
                status -> status == 401);
    }

    @Test
    void shouldNotTouchAnotherOrganizationsKey() {
        String id = issueEhr().path("apiKey.id");
        String other = Api.newOrganization();
        as(other).post("/api/v1/api-keys/" + id + "/revoke").then().statusCode(404);
        as(other).post("/api/v1/api-keys/" + id + "/rotate").then().statusCode(404);
        as(other).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }
}
