package io.rapport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Signs in to the pages the way a browser does: login form, CSRF cookie, session cookie. */
public final class Web {

    public static final String SESSION_COOKIE = "__Host-rapport-session";
    public static final String CSRF_COOKIE = "__Host-rapport-csrf";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private Web() {
    }

    /** A signed-in browser: its session cookie and the CSRF token its forms carry. */
    public record Session(String cookie, String csrf) {

        public RequestSpecification spec() {
            return given().redirects().follow(false).cookie(SESSION_COOKIE, cookie);
        }

        /** A form post of this browser carrying {@code csrf}: its own token, or a forged one. */
        public RequestSpecification form(String csrf) {
            return spec().contentType("application/x-www-form-urlencoded").formParam("csrf", csrf);
        }

        /** Posts these fields as a form carrying {@code csrf}. */
        public Response postForm(String path, String csrf, Map<String, String> fields) {
            RequestSpecification spec = form(csrf);
            fields.forEach(spec::formParam);
            return spec.post(path);
        }
    }

    /** A fresh username, so tests never share a login throttle or collide on the global unique username. */
    /** An admin of a new organization, signed in to the pages: its organization's API key and its web session. */
    public record Admin(String apiKey, Session session) {
    }

    /** A new organization with an admin account named from {@code prefix}, signed in with {@code password}. */
    public static Admin newAdmin(String prefix, String password) {
        String apiKey = Api.newOrganization();
        String username = username(prefix);
        account(apiKey, username, password, "admin", null);
        return new Admin(apiKey, login(username, password));
    }

    /** A new therapist account of the organization, named from {@code prefix}, signed in with {@code password}. */
    public static Session newTherapist(String adminKey, String prefix, String password, String therapistId) {
        String username = username(prefix);
        account(adminKey, username, password, "therapist", therapistId);
        return login(username, password);
    }

    public static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account through the API with the organization's admin key. */
    public static void account(String adminKey, String username, String password, String role, String therapistId) {
        String therapist = therapistId == null ? "null" : "\"" + therapistId + "\"";
        Api.as(adminKey).body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
                + "\",\"therapistId\":" + therapist + "}")
                .post("/api/v1/accounts").then().statusCode(201);
    }

    /** Posts the login form with a valid CSRF pair and returns the raw answer. */
    public static Response postLogin(String username, String password) {
        Response form = given().get("/login");
        String csrf = form.getCookie(CSRF_COOKIE);
        return given().redirects().follow(false).cookie(CSRF_COOKIE, csrf).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).formParam("csrf", csrf)
                .post("/login");
    }

    public static Session login(String username, String password) {
        Response r = postLogin(username, password);
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.getCookie(SESSION_COOKIE);
        assertThat(cookie).isNotBlank();
        String page = given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).get("/app").then()
                .statusCode(200).extract().asString();
        return new Session(cookie, csrfIn(page));
    }

    public static String csrfIn(String html) {
        return firstIn(html, CSRF_FIELD, "a CSRF field in the page");
    }

    /** The first group of the pattern's first match in the page, which must have one. */
    public static String firstIn(String html, Pattern pattern, String what) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(what).isTrue();
        return m.group(1);
    }
}
