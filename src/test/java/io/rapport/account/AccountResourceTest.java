package io.rapport.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;

@QuarkusTest
class AccountResourceTest {

    static final String PASSWORD = "a long enough secret";

    String adminKey;

    @BeforeEach
    void organization() {
        adminKey = Api.newOrganization();
    }

    @Test
    void shouldCreateATherapistAccountWithoutEverShowingThePassword() {
        String username = Web.username("Dana");
        Api.as(adminKey).body(body(username, PASSWORD, "therapist", "T-9")).post("/api/v1/accounts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/accounts/"))
                .body("username", equalTo(username.toLowerCase()))
                .body("role", equalTo("therapist"))
                .body("therapistId", equalTo("T-9"))
                .body("active", equalTo(true))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")));
        Api.as(adminKey).get("/api/v1/accounts").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0]", not(hasKey("passwordHash")));
    }

    @Test
    void shouldNameEveryInvalidFieldWith422() {
        Api.as(adminKey).body(body("x", "short", "boss", "bad id!")).post("/api/v1/accounts")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("username", "password", "role", "therapistId"));
    }

    @Test
    void shouldRequireATherapistForTheTherapistRole() {
        Api.as(adminKey).body(body(Web.username("t"), PASSWORD, "therapist", null)).post("/api/v1/accounts")
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("therapistId"));
    }

    @Test
    void shouldRefuseAMissingBody() {
        Api.as(adminKey).post("/api/v1/accounts").then().statusCode(422);
    }

    @Test
    void shouldRefuseAUsernameTakenInAnyOrganization() {
        String username = Web.username("taken");
        Web.account(adminKey, username, PASSWORD, "admin", null);
        Api.as(Api.newOrganization()).body(body(username.toUpperCase(), PASSWORD, "admin", null))
                .post("/api/v1/accounts").then().statusCode(409)
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void shouldListOnlyTheCallersOrganization() {
        String mine = Web.username("mine");
        String theirs = Web.username("theirs");
        Web.account(adminKey, mine, PASSWORD, "admin", null);
        Web.account(Api.newOrganization(), theirs, PASSWORD, "admin", null);
        Api.as(adminKey).get("/api/v1/accounts").then().statusCode(200)
                .body("items.username", hasItem(mine))
                .body("items.username", not(hasItem(theirs)));
    }

    @Test
    void shouldKeepAccountsToAdminKeys() {
        given().get("/api/v1/accounts").then().statusCode(401);
        given().auth().oauth2(Api.OPERATOR_KEY).get("/api/v1/accounts").then().statusCode(403);
    }

    @Test
    void shouldEndEverySessionOfADeactivatedAccountAtOnce() {
        String username = Web.username("leaving");
        Web.account(adminKey, username, PASSWORD, "therapist", "T-1");
        Web.Session first = Web.login(username, PASSWORD);
        Web.Session second = Web.login(username, PASSWORD);
        String id = Api.as(adminKey).get("/api/v1/accounts").then().extract().path("items[0].id");

        Api.as(adminKey).post("/api/v1/accounts/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));

        first.spec().get("/app").then().statusCode(303);
        second.spec().get("/app").then().statusCode(303);
        assertThat(Web.postLogin(username, PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldNotDeactivateAnotherOrganizationsAccount() {
        Web.account(adminKey, Web.username("kept"), PASSWORD, "admin", null);
        String id = Api.as(adminKey).get("/api/v1/accounts").then().extract().path("items[0].id");
        Api.as(Api.newOrganization()).post("/api/v1/accounts/" + id + "/deactivate").then().statusCode(404);
        Api.as(adminKey).post("/api/v1/accounts/not-an-id/deactivate").then().statusCode(404);
    }

    private static String body(String username, String password, String role, String therapistId) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
                + "\",\"therapistId\":" + (therapistId == null ? "null" : "\"" + therapistId + "\"") + "}";
    }
}
