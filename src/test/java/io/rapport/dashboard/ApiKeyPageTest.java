package io.rapport.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.restassured.response.Response;

@QuarkusTest
class ApiKeyPageTest {

    static final String PASSWORD = "admin password 1";
    private static final Pattern KEY = Pattern.compile("<code id=\"new-key\">(rpk_[A-Za-z0-9_-]+)</code>");

    String adminKey;
    Web.Session admin;

    @BeforeEach
    void signedInAdmin() {
        Web.Admin signedIn = Web.newAdmin("keys", PASSWORD);
        adminKey = signedIn.apiKey();
        admin = signedIn.session();
    }

    private Response issue(String csrf, String nonce, String name, String expiresOn) {
        var spec = admin.form(csrf)
                .formParam("nonce", nonce).formParam("name", name).formParam("role", "ehr").formParam("read", "on");
        if (expiresOn != null) {
            spec.formParam("expiresOn", expiresOn);
        }
        return spec.post("/app/settings/keys");
    }

    private static String keyIn(Response page) {
        return Web.firstIn(page.asString(), KEY, "the new key on the page");
    }

    @Test
    void shouldShowANewKeyOnceAndLetItBeUsed() {
        Response r = issue(admin.csrf(), "n-1", "EHR test", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("it will not be shown again", "data-copy=\"new-key\"");
        String key = keyIn(r);
        given().auth().oauth2(key).get("/api/v1/pairs").then().statusCode(200);

        String list = admin.spec().get("/app/settings/keys").then().statusCode(200).extract().asString();
        assertThat(list).contains("EHR test", key.substring(0, 12)).doesNotContain(key);
    }

    @Test
    void shouldIssueOneKeyForAFormSentTwice() {
        Response first = issue(admin.csrf(), "double-click", "twice", null);
        Response second = issue(admin.csrf(), "double-click", "twice", null);
        assertThat(keyIn(second)).isEqualTo(keyIn(first));
        long named = Api.as(adminKey).get("/api/v1/api-keys?size=200").jsonPath()
                .getList("items.findAll { it.name == 'twice' }").size();
        assertThat(named).isEqualTo(1);
    }

    @Test
    void shouldShowProblemsNextToTheirFields() {
        Response r = admin.form(admin.csrf())
                .formParam("nonce", "bad-1").formParam("name", "").formParam("role", "operator")
                .formParam("expiresOn", "soon").post("/app/settings/keys");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("id=\"name-error\"", "id=\"role-error\"", "id=\"scopes-error\"",
                "id=\"expires-error\"", "aria-invalid=\"true\"").doesNotContain("new-key");
        assertThat(issue(admin.csrf(), "bad-2", "past", "2020-01-01").asString()).contains("id=\"expires-error\"",
                "must lie in the future");
    }

    @Test
    void shouldRevokeThroughThePage() {
        String key = keyIn(issue(admin.csrf(), "n-2", "to revoke", null));
        String id = Api.as(adminKey).get("/api/v1/api-keys?size=200").jsonPath()
                .getString("items.find { it.name == 'to revoke' }.id");
        admin.form("wrong")
                .post("/app/settings/keys/" + id + "/revoke").then().statusCode(403);
        given().auth().oauth2(key).get("/api/v1/pairs").then().statusCode(200);
        admin.form(admin.csrf())
                .post("/app/settings/keys/" + id + "/revoke").then().statusCode(200)
                .body(containsString("Revoked"));
        Awaitility.await("the revocation").atMost(Duration.ofSeconds(4))
                .until(() -> given().auth().oauth2(key).get("/api/v1/pairs").statusCode(), s -> s == 401);
    }

    @Test
    void shouldKeepTherapistsAndForgedFormsOut() {
        Web.newTherapist(adminKey, "therapist", PASSWORD, "T-1").spec().get("/app/settings/keys").then().statusCode(403);
        assertThat(issue("forged", "n-3", "forged", null).statusCode()).isEqualTo(403);
        assertThat(Api.as(adminKey).get("/api/v1/api-keys?size=200").asString()).doesNotContain("forged");
        admin.form(admin.csrf())
                .post("/app/settings/keys/" + java.util.UUID.randomUUID() + "/revoke").then().statusCode(404);
    }
}
