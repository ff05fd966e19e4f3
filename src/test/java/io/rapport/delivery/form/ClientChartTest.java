package io.rapport.delivery.form;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.rapport.delivery.FormFixtures;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The client's own chart on the thank-you page (issue 16, item 4): off by default, on when the organization turns
 * it on and the pair did not turn it off, only the visit's client's own client-rated totals, only within the visit,
 * and on the audit trail.
 */
@QuarkusTest
class ClientChartTest {

    /** A therapist's form the catalog ships, whose answers must never reach the client's chart. */
    private static final String THERAPIST_FORM = "session-rating-4-therapist";

    private static final String COOKIE = "__Host-rapport-form";
    private static final String PASSWORD = "therapist password";
    private static final String ORGANIZATION = "{\"name\":\"Clinic\",\"linkTtlHours\":72,\"reminderDelayHours\":24,"
            + "\"languages\":[\"en\",\"es\",\"de\"]";

    @Inject
    DataSource dataSource;

    FormFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new FormFixtures(dataSource);
    }

    /** A pair whose client answered twice before and has just answered a third time, in an open visit. */
    record History(String key, String pairId, String sessionId, String cookie) {
    }

    /**
     * c-1 with t-1: 20.5 and 28.5 through the API, 32.2 through the form (the visit). The same sessions carry the
     * therapist's own rating (39.6) and c-2, another client of t-1, answered 12.3.
     */
    private History history() {
        String key = Api.newOrganization();
        FormFixtures.Created first = session(key, "c-1", "2026-01-05T10:00:00Z");
        answer(first.token(), "5.5", "5", "5", "5");
        FormFixtures.Created second = session(key, "c-1", "2026-01-12T10:00:00Z");
        answer(second.token(), "7.5", "7", "7", "7");
        answer(fixtures.addAssignment(second.sessionId(), THERAPIST_FORM, "1.0.0"), "9.9", "9.9",
                "9.9", "9.9");
        answer(session(key, "c-2", "2026-01-12T11:00:00Z").token(), "3.3", "3", "3", "3");
        FormFixtures.Created third = session(key, "c-1", "2026-01-19T10:00:00Z");
        assertThat(third.pairId()).isEqualTo(first.pairId());
        String cookie = openForm(third.token());
        String html = browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200).extract().asString();
        browser().cookie(COOKIE, cookie).formParam("csrf", csrf(html))
                .formParam(field(third.assignmentId(), "1"), "8.2").formParam(field(third.assignmentId(), "2"), "8")
                .formParam(field(third.assignmentId(), "3"), "8").formParam(field(third.assignmentId(), "4"), "8")
                .post("/f").then().statusCode(303);
        return new History(key, first.pairId(), third.sessionId(), cookie);
    }

    private static FormFixtures.Created session(String key, String client, String at) {
        Response r = as(key).body(Api.session(client, "t-1", at)).post("/api/v1/sessions");
        r.then().statusCode(201);
        String url = r.path("assignments[0].formUrl");
        return new FormFixtures.Created(key, r.path("id"), r.path("pairId"), r.path("assignments[0].id"),
                url.substring(url.lastIndexOf('/') + 1));
    }

    private static void answer(String token, String... values) {
        FormFixtures.anonymous().body(FormFixtures.srsAnswers(values[0], values[1], values[2], values[3]))
                .post("/api/v1/forms/" + token + "/responses").then().statusCode(201);
    }

    private static void organization(String key, boolean clientChart) {
        as(key).body(ORGANIZATION + ",\"clientChart\":" + clientChart + "}").put("/api/v1/organization").then()
                .statusCode(200).body("clientChart", equalTo(clientChart));
    }

    /** A browser with its own address, so the guessing limit of one test does not reach another. */
    private static RequestSpecification browser() {
        return given().redirects().follow(false)
                .header("X-Forwarded-For", "203.0.113." + (1 + (int) (Math.random() * 250)));
    }

    private static String openForm(String token) {
        Response r = browser().get("/f/" + token);
        r.then().statusCode(303).header("Location", endsWith("/f"));
        return r.getCookie(COOKIE);
    }

    private static String thanks(String cookie) {
        return browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200).extract().asString();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("csrf field").isTrue();
        return m.group(1);
    }

    private static String field(String assignmentId, String item) {
        return "a." + assignmentId + "." + item;
    }

    private long chartViews(String sessionId) {
        return fixtures.count("select count(*) from audit_event where action = 'chart' and object_type = 'session'"
                + " and object_id = ? and route = 'GET /f' and outcome = 'allowed'", sessionId);
    }

    @Test
    void shouldShowNoChartUntilTheOrganizationTurnsItOn() {
        History h = history();
        as(h.key()).get("/api/v1/organization").then().statusCode(200).body("clientChart", equalTo(false));
        String html = thanks(h.cookie());
        assertThat(html).contains("Thank you").doesNotContain("<svg").doesNotContain("Your ratings so far");
        assertThat(chartViews(h.sessionId())).isZero();
        // A PUT that leaves the field out keeps the choice.
        organization(h.key(), true);
        as(h.key()).body(ORGANIZATION + "}").put("/api/v1/organization").then().statusCode(200)
                .body("clientChart", equalTo(true));
        as(h.key()).body(ORGANIZATION + ",\"clientChart\":\"often\"}").put("/api/v1/organization").then()
                .statusCode(400);
    }

    @Test
    void shouldShowTheClientsOwnTotalsWhenTheOrganizationAndThePairAllowIt() {
        History h = history();
        organization(h.key(), true);
        as(h.key()).get("/api/v1/pairs/" + h.pairId()).then().statusCode(200).body("clientChart", equalTo(true));
        String html = thanks(h.cookie());
        assertThat(html).contains("<h2 id=\"own-chart\">Your ratings so far</h2>")
                .contains("role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\"")
                .contains("<title id=\"chart-1-title\">Four-item session rating (SRS format)</title>")
                .contains("Ratings: 3, from January 5, 2026 to January 19, 2026. Scale: 0 to 40. Latest: 32.2.")
                .contains("<td>January 5, 2026</td><td>20.5</td>", "<td>January 12, 2026</td><td>28.5</td>",
                        "<td>January 19, 2026</td><td>32.2</td>")
                .doesNotContain("<script");
        assertThat(count(html, "<polyline ")).isEqualTo(1);
        assertThat(count(html, "<circle ")).isEqualTo(3);
        // Never the therapist's rating of the same sessions, nor another client's answers, nor alert wording.
        assertThat(html).doesNotContain("39.6").doesNotContain("12.3").doesNotContain("chart-2")
                .doesNotContain("concern").doesNotContain("cutoff");
    }

    @Test
    void shouldShowTheChartInTheClientsLanguage() {
        History h = history();
        organization(h.key(), true);
        fixtures.setClient(h.key(), "c-1", null, "de");
        assertThat(thanks(h.cookie())).contains("<html lang=\"de\">", "Ihre bisherigen Bewertungen",
                "Skala: 0 bis 40. Zuletzt: 32,2.", "<td>5. Januar 2026</td><td>20,5</td>");
        fixtures.setClient(h.key(), "c-1", null, "es");
        assertThat(thanks(h.cookie())).contains("<html lang=\"es\">", "Sus valoraciones hasta ahora",
                "Escala: de 0 a 40. Última: 32,2.");
    }

    @Test
    void shouldHideTheChartWhenThePairTurnsItOffThroughTheApi() {
        History h = history();
        organization(h.key(), true);
        as(h.key()).body("{\"clientChart\":false}").put("/api/v1/pairs/" + h.pairId() + "/client-chart").then()
                .statusCode(200).body("clientChart", equalTo(false));
        assertThat(thanks(h.cookie())).contains("Thank you").doesNotContain("<svg");
        as(h.key()).body("{\"clientChart\":true}").put("/api/v1/pairs/" + h.pairId() + "/client-chart").then()
                .statusCode(200).body("clientChart", equalTo(true));
        assertThat(thanks(h.cookie())).contains("<svg");
        as(h.key()).body("{}").put("/api/v1/pairs/" + h.pairId() + "/client-chart").then().statusCode(422)
                .contentType("application/problem+json").body(containsString("clientChart"));
    }

    @Test
    void shouldLetOnlyThePairsTherapistTurnItOffFromThePairPage() {
        History h = history();
        organization(h.key(), true);
        Web.Session therapist = Web.newTherapist(h.key(), "t1", PASSWORD, "t-1");
        Web.Session other = Web.newTherapist(h.key(), "t2", PASSWORD, "t-2");
        String page = therapist.spec().get("/app/pairs/" + h.pairId()).then().statusCode(200).extract().asString();
        assertThat(page).contains("Turn the chart off for this client");

        other.postForm("/app/pairs/" + h.pairId() + "/client-chart", other.csrf(), Map.of("show", "off")).then()
                .statusCode(404);
        therapist.postForm("/app/pairs/" + h.pairId() + "/client-chart", "forged", Map.of("show", "off")).then()
                .statusCode(403);
        assertThat(thanks(h.cookie())).contains("<svg");

        therapist.postForm("/app/pairs/" + h.pairId() + "/client-chart", therapist.csrf(), Map.of("show", "off"))
                .then().statusCode(303).header("Location", endsWith("/app/pairs/" + h.pairId() + "#client-chart"));
        assertThat(thanks(h.cookie())).contains("Thank you").doesNotContain("<svg");
        assertThat(therapist.spec().get("/app/pairs/" + h.pairId()).asString())
                .contains("Off for this client", "Let this client see the chart");
        as(h.key()).get("/api/v1/pairs/" + h.pairId()).then().body("clientChart", equalTo(false));
    }

    @Test
    void shouldBeGoneWithoutTheVisitCookieAndOnceItExpires() {
        History h = history();
        organization(h.key(), true);
        assertThat(thanks(h.cookie())).contains("<svg");
        assertThat(browser().get("/f").asString()).doesNotContain("<svg");
        assertThat(browser().get("/f?r=1").then().statusCode(410).extract().asString()).doesNotContain("<svg");
        fixtures.update("update form_visit set expires_at = now() - interval '1 second' where session_id = ?::uuid",
                h.sessionId());
        String ended = browser().cookie(COOKIE, h.cookie()).get("/f").then().statusCode(410).extract().asString();
        assertThat(ended).doesNotContain("<svg").doesNotContain("32.2");
    }

    @Test
    void shouldAuditEveryViewOfTheChart() {
        History h = history();
        assertThat(chartViews(h.sessionId())).isZero();
        organization(h.key(), true);
        thanks(h.cookie());
        thanks(h.cookie());
        assertThat(chartViews(h.sessionId())).isEqualTo(2);
        assertThat(fixtures.string("select actor from audit_event where action = 'chart' and object_id = ?",
                h.sessionId())).isEqualTo("client-link");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
