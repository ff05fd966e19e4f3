package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.restassured.response.Response;

@QuarkusTest
class AccountPageTest {

    static final String PASSWORD = "admin password 1";

    String adminKey;
    Web.Session admin;

    @BeforeEach
    void signedInAdmin() {
        Web.Admin signedIn = Web.newAdmin("admin", PASSWORD);
        adminKey = signedIn.apiKey();
        admin = signedIn.session();
    }

    @Test
    void shouldCreateAnAccountThroughTheForm() {
        String username = Web.username("new");
        Response r = form(admin.csrf(), username, "a good password 1", "therapist", "T-7");
        assertThat(r.statusCode()).isEqualTo(303);
        admin.spec().get("/app/accounts").then().statusCode(200)
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .body(containsString(username), containsString("T-7"));
        assertThat(Web.postLogin(username, "a good password 1").statusCode()).isEqualTo(303);
    }

    @Test
    void shouldShowEveryProblemAndKeepTheFormFilledIn() {
        Response r = form(admin.csrf(), "ab", "short", "therapist", "");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("username must be", "password must be", "value=\"ab\"")
                .doesNotContain("value=\"short\"");
    }

    @Test
    void shouldRefuseAFormWithoutTheSessionsCsrfToken() {
        String username = Web.username("forged");
        assertThat(form("forged", username, "a good password 1", "admin", "").statusCode()).isEqualTo(403);
        admin.spec().get("/app/accounts").then().body(not(containsString(username)));
    }

    @Test
    void shouldDeactivateThroughTheFormAndEndTheirSessions() {
        String username = Web.username("gone");
        Web.account(adminKey, username, PASSWORD, "therapist", "T-1");
        Web.Session victim = Web.login(username, PASSWORD);
        String id = Api.as(adminKey).get("/api/v1/accounts").then().extract()
                .path("items.find { it.username == '" + username + "' }.id");

        admin.form("wrong")
                .post("/app/accounts/" + id + "/deactivate").then().statusCode(403);
        victim.spec().get("/app").then().statusCode(200);

        admin.form(admin.csrf())
                .post("/app/accounts/" + id + "/deactivate").then().statusCode(200)
                .body(containsString("Deactivated " + username));
        victim.spec().get("/app").then().statusCode(303);
    }

    @Test
    void shouldKeepTherapistsOutOfTheAccountsPage() {
        Web.Session therapist = Web.newTherapist(adminKey, "therapist", PASSWORD, "T-1");
        therapist.spec().get("/app/accounts").then().statusCode(403).contentType(containsString("text/html"));
        therapist.spec().get("/app").then().body(not(containsString("/app/accounts")));
    }

    private Response form(String csrf, String username, String password, String role, String therapistId) {
        return admin.form(csrf)
                .formParam("username", username).formParam("password", password).formParam("role", role)
                .formParam("therapistId", therapistId).post("/app/accounts");
    }
}
