package io.rapport.security.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.rapport.security.Secrets;
import io.restassured.response.Response;

@QuarkusTest
class LoginTest {

    static final String PASSWORD = "correct horse battery";
    static final String WRONG_MESSAGE = "The username or password is not correct.";

    @Inject
    DataSource dataSource;

    String adminKey;
    String username;

    @BeforeEach
    void therapistAccount() {
        adminKey = Api.newOrganization();
        username = Web.username("therapist");
        Web.account(adminKey, username, PASSWORD, "therapist", "T-1");
    }

    @Test
    void shouldSignInWithAHostOnlySecureCookieAndRedirectToTheCaseload() {
        Response r = Web.postLogin(username, PASSWORD);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/app");
        String setCookie = r.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Web.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/").doesNotContainIgnoringCase("Domain");
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, r.getCookie(Web.SESSION_COOKIE)).get("/app")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("Caseload"));
    }

    @Test
    void shouldServeTheLoginFormWithACsrfCookieAndStrictHeaders() {
        Response r = given().get("/login");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self';"
                + " style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Set-Cookie")).startsWith(Web.CSRF_COOKIE + "=").contains("Secure", "HttpOnly", "Path=/");
        assertThat(r.asString()).contains("<label for=\"username\">", "<label for=\"password\">",
                "value=\"" + r.getCookie(Web.CSRF_COOKIE) + "\"");
    }

    @Test
    void shouldEndThePreviousSessionWhenTheBrowserSignsInAgain() throws SQLException {
        Web.Session first = Web.login(username, PASSWORD);
        Response form = given().get("/login");
        String csrf = form.getCookie(Web.CSRF_COOKIE);
        Response again = given().redirects().follow(false).cookie(Web.CSRF_COOKIE, csrf)
                .cookie(Web.SESSION_COOKIE, first.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", PASSWORD).formParam("csrf", csrf)
                .post("/login");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(count(Secrets.hash(first.cookie()))).isZero();
        assertThat(count(Secrets.hash(again.getCookie(Web.SESSION_COOKIE)))).isEqualTo(1);
    }

    @Test
    void shouldUseTheUsernameCaseInsensitively() {
        assertThat(Web.postLogin(username.toUpperCase(), PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void shouldReRenderTheFormWith401ForAWrongPassword() {
        Response r = Web.postLogin(username, "wrong password!!");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.asString()).contains(WRONG_MESSAGE).contains("value=\"" + username + "\"");
        assertThat(r.getCookie(Web.SESSION_COOKIE)).isNull();
    }

    @Test
    void shouldAnswerAnUnknownUserExactlyLikeAWrongPassword() {
        String unknown = Web.username("nobody");
        Response wrong = Web.postLogin(username, "wrong password!!");
        Response missing = Web.postLogin(unknown, "wrong password!!");
        assertThat(missing.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(normalized(missing.asString(), unknown)).isEqualTo(normalized(wrong.asString(), username));
    }

    @Test
    void shouldRefuseALoginWithoutAMatchingCsrfToken() {
        String csrf = given().get("/login").getCookie(Web.CSRF_COOKIE);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", PASSWORD).formParam("csrf", csrf)
                .post("/login").then().statusCode(403).body(not(containsString(WRONG_MESSAGE)));
        given().redirects().follow(false).cookie(Web.CSRF_COOKIE, csrf).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", PASSWORD).formParam("csrf", csrf + "x")
                .post("/login").then().statusCode(403);
    }

    @Test
    void shouldAnswer429WithRetryAfterAfterFiveFailures() {
        for (int i = 0; i < 5; i++) {
            assertThat(Web.postLogin(username, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        Response r = Web.postLogin(username, PASSWORD);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 301L);
        assertThat(r.getCookie(Web.SESSION_COOKIE)).isNull();
    }

    @Test
    void shouldSendABrowserWithoutASessionToTheLoginPage() {
        given().redirects().follow(false).get("/app").then().statusCode(303)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, "not-a-session").get("/app").then()
                .statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void shouldNotAcceptTheSessionCookieOnTheApi() {
        Web.Session session = Web.login(username, PASSWORD);
        session.spec().get("/api/v1/pairs").then().statusCode(401);
    }

    @Test
    void shouldEndAnIdleSessionAndDeleteIt() throws SQLException {
        Web.Session session = Web.login(username, PASSWORD);
        String id = Secrets.hash(session.cookie());
        update("update web_session set last_seen_at = now() - interval '29 minutes' where id = ?", id);
        session.spec().get("/app").then().statusCode(200);
        assertThat(count(id, "last_seen_at > now() - interval '1 minute'")).isEqualTo(1);
        update("update web_session set last_seen_at = now() - interval '31 minutes' where id = ?", id);
        session.spec().get("/app").then().statusCode(303).header("Location", containsString("/login"));
        assertThat(count(id)).isZero();
    }

    @Test
    void shouldEndTheSessionForGoodAtLogout() throws SQLException {
        Web.Session session = Web.login(username, PASSWORD);
        Response r = session.spec().contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf()).post("/logout");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/login");
        assertThat(r.header("Set-Cookie")).startsWith(Web.SESSION_COOKIE + "=;").contains("Max-Age=0");
        assertThat(count(Secrets.hash(session.cookie()))).isZero();
        session.spec().get("/app").then().statusCode(303);
    }

    @Test
    void shouldRefuseALogoutWithoutTheCsrfToken() {
        Web.Session session = Web.login(username, PASSWORD);
        session.form("forged")
                .post("/logout").then().statusCode(403);
        session.spec().get("/app").then().statusCode(200);
    }

    @Test
    void shouldRecordTheLastLogin() {
        Web.login(username, PASSWORD);
        Api.as(adminKey).get("/api/v1/accounts").then().statusCode(200)
                .body("items[0].username", equalTo(username))
                .body("items[0].lastLoginAt", not(equalTo(null)));
    }

    private static String normalized(String html, String username) {
        return html.replaceAll("value=\"[A-Za-z0-9_-]{43}\"", "value=\"\"").replace(username, "");
    }

    private void update(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private long count(String id) throws SQLException {
        return count(id, "true");
    }

    private long count(String id, String condition) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from web_session where id = ? and " + condition)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
