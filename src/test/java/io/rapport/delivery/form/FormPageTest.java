package io.rapport.delivery.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.delivery.FormFixtures;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class FormPageTest {

    private static final String COOKIE = "__Host-rapport-form";
    private static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Inject
    DataSource dataSource;

    FormFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new FormFixtures(dataSource);
    }

    /** A browser with its own address, so the guessing limit of one test does not reach another. */
    private static RequestSpecification browser() {
        return given().redirects().follow(false).header("X-Forwarded-For", "203.0.113." + (1 + (int) (Math.random() * 250)));
    }

    private static String openForm(String token) {
        Response r = browser().get("/f/" + token);
        r.then().statusCode(303).header("Location", endsWith("/f"));
        return r.getCookie(COOKIE);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("csrf field").isTrue();
        return m.group(1);
    }

    private static String field(String assignmentId, String item) {
        return "a." + assignmentId + "." + item;
    }

    @Test
    void shouldTradeTheTokenForAHostCookieAndRedirectWithoutIt() {
        FormFixtures.Created s = fixtures.session();
        Response r = browser().get("/f/" + s.token());
        r.then().statusCode(303)
                .header("Location", endsWith("/f"))
                .header("Location", not(containsString(s.token())))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP);
        String setCookie = r.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(COOKIE + "=").contains("; Path=/").contains("; Secure")
                .contains("; HttpOnly").contains("; SameSite=Strict").contains("Max-Age=").doesNotContain("Domain");
    }

    @Test
    void shouldShowTheFormWithTherapistDateAndProgressAndStrictHeaders() {
        FormFixtures.Created s = fixtures.session();
        String cookie = openForm(s.token());
        browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("November 20, 2026"))
                .body(containsString("0 of 4 questions answered"))
                .body(containsString("type=\"range\""))
                .body(containsString("type=\"number\""))
                .body(not(containsString("<script>")))
                .body(not(containsString("style=")));
    }

    @Test
    void shouldNameTheTherapist() {
        FormFixtures.Created s = fixtures.session();
        Api.as(s.key()).body("{\"displayName\":\"Dr. Rivera\"}").put("/api/v1/therapists/t-1").then()
                .statusCode(lessThan(300));
        String cookie = openForm(s.token());
        browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200)
                .body(containsString("Your therapist Dr. Rivera would like to know"));
    }

    @Test
    void shouldStoreExactlyOneResponseWhenTabsPostAtOnce() throws Exception {
        FormFixtures.Created s = fixtures.session();
        String cookie = openForm(s.token());
        String csrf = csrf(browser().cookie(COOKIE, cookie).get("/f").asString());
        int tabs = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return browser().cookie(COOKIE, cookie).formParam("csrf", csrf)
                            .formParam(field(s.assignmentId(), "1"), "6")
                            .formParam(field(s.assignmentId(), "2"), "6")
                            .formParam(field(s.assignmentId(), "3"), "6")
                            .formParam(field(s.assignmentId(), "4"), "6")
                            .post("/f").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(303);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.responsesOf(s.assignmentId())).isEqualTo(1);
    }

    @Test
    void shouldRecordTheInSessionChannelFromTheTablet() {
        FormFixtures.Created s = fixtures.session();
        String url = Api.as(s.key()).post("/api/v1/assignments/" + s.assignmentId() + "/in-session")
                .then().statusCode(201).extract().path("formUrl");
        String cookie = openForm(url.substring(url.lastIndexOf('/') + 1));
        String csrf = csrf(browser().cookie(COOKIE, cookie).get("/f").asString());
        browser().cookie(COOKIE, cookie).formParam("csrf", csrf)
                .formParam(field(s.assignmentId(), "1"), "6")
                .formParam(field(s.assignmentId(), "2"), "6")
                .formParam(field(s.assignmentId(), "3"), "6")
                .formParam(field(s.assignmentId(), "4"), "6")
                .post("/f").then().statusCode(303);
        assertThat(fixtures.string("select channel from response where assignment_id = ?::uuid", s.assignmentId()))
                .isEqualTo("in-session");
    }

    @Test
    void shouldShowTheCandourLineInTheClientsLanguageOnlyWhenChosenAndRecordIt() {
        FormFixtures.Created s = fixtures.session();
        String cookie = openForm(s.token());
        assertThat(browser().cookie(COOKIE, cookie).get("/f").asString()).doesNotContain("class=\"candour\"");

        Api.as(s.key()).body("{\"name\":\"Clinic\",\"linkTtlHours\":72,\"reminderDelayHours\":24,"
                + "\"languages\":[\"en\",\"es\",\"de\"],\"candourLine\":true}").put("/api/v1/organization").then()
                .statusCode(200);
        String html = browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200).extract().asString();
        assertThat(html).contains("<p class=\"candour\">Low ratings help your therapist as much as high ones.");
        fixtures.setClient(s.key(), "c-1", null, "es");
        assertThat(browser().cookie(COOKIE, cookie).get("/f").asString())
                .contains("<p class=\"candour\">Las valoraciones bajas ayudan");
        fixtures.setClient(s.key(), "c-1", null, "de");
        assertThat(browser().cookie(COOKIE, cookie).get("/f").asString())
                .contains("<p class=\"candour\">Niedrige Bewertungen helfen");

        browser().cookie(COOKIE, cookie).formParam("csrf", csrf(html))
                .formParam(field(s.assignmentId(), "1"), "6").formParam(field(s.assignmentId(), "2"), "6")
                .formParam(field(s.assignmentId(), "3"), "6").formParam(field(s.assignmentId(), "4"), "6")
                .post("/f").then().statusCode(303);
        assertThat(fixtures.string("select candour_shown::text from response where assignment_id = ?::uuid",
                s.assignmentId())).isEqualTo("true");
        // Answers sent to the API, through no form Rapport drew, record neither.
        FormFixtures.Created other = fixtures.session(s.key(), "c-2");
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("6", "6", "6", "6"))
                .post("/api/v1/forms/" + other.token() + "/responses").then().statusCode(201);
        assertThat(fixtures.string("select coalesce(candour_shown::text, 'null') from response"
                + " where assignment_id = ?::uuid", other.assignmentId())).isEqualTo("null");
    }

    @Test
    void shouldCombineTheSessionsOpenFormsOnOnePage() {
        FormFixtures.Created s = fixtures.session();
        fixtures.addAssignment(s.sessionId(), "wai-sr", "1.0.0");
        String cookie = openForm(s.token());
        String html = browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200)
                .body(containsString("Part 1 of 2"))
                .body(containsString("Part 2 of 2"))
                .body(containsString("0 of 16 questions answered"))
                .body(containsString("<fieldset"))
                .body(containsString("<legend"))
                .body(containsString("type=\"radio\""))
                .extract().asString();
        assertThat(html).contains(field(s.assignmentId(), "1"));
    }

    @Test
    void shouldFollowTheClientsPreferredLanguage() {
        FormFixtures.Created s = fixtures.session();
        fixtures.setClient(s.key(), "c-1", null, "es");
        String cookie = openForm(s.token());
        browser().cookie(COOKIE, cookie).header("Accept-Language", "de").get("/f").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"))
                .body(containsString("Enviar mis respuestas"));
    }

    @Test
    void shouldFallBackToAcceptLanguage() {
        browser().header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5").get("/f/unknown-token-123").then()
                .statusCode(404)
                .body(containsString("<html lang=\"de\">"))
                .body(containsString("Link nicht gefunden"));
    }

    @Test
    void shouldSayAnExpiredLinkIsGone() {
        FormFixtures.Created s = fixtures.session();
        fixtures.expire(s.assignmentId());
        browser().get("/f/" + s.token()).then().statusCode(410)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .body(containsString("This link has expired"));
    }

    @Test
    void shouldSayAnUnknownLinkIsNotFound() {
        browser().get("/f/" + UUID.randomUUID()).then().statusCode(404)
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("Link not found"));
    }

    @Test
    void shouldSayAUsedLinkWasAlreadyReceived() {
        FormFixtures.Created s = fixtures.session();
        given().contentType("application/json").body(FormFixtures.srsAnswers("5", "5", "5", "5"))
                .post("/api/v1/forms/" + s.token() + "/responses").then().statusCode(201);
        browser().get("/f/" + s.token()).then().statusCode(410)
                .body(containsString("already received"));
    }

    @Test
    void shouldLimitUnknownTokenGuessesPerAddress() {
        String address = "192.0.2." + (1 + (int) (Math.random() * 250));
        int limited = -1;
        for (int i = 0; i < 40 && limited < 0; i++) {
            Response r = given().redirects().follow(false).header("X-Forwarded-For", address)
                    .get("/f/guess-" + i);
            if (r.statusCode() == 429) {
                limited = i;
                assertThat(Integer.parseInt(r.getHeader("Retry-After"))).isBetween(1, 60);
                assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
            } else {
                assertThat(r.statusCode()).isEqualTo(404);
            }
        }
        assertThat(limited).as("attempt that was limited").isEqualTo(20);
        FormFixtures.Created s = fixtures.session();
        given().redirects().follow(false).header("X-Forwarded-For", address).get("/f/" + s.token()).then()
                .statusCode(429);
        given().redirects().follow(false).header("X-Forwarded-For", address).contentType("application/json")
                .body(FormFixtures.srsAnswers("5", "5", "5", "5"))
                .post("/api/v1/forms/" + s.token() + "/responses").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        browser().get("/f/" + s.token()).then().statusCode(303);
    }

    @Test
    void shouldRefuseAPostWithoutTheRightCsrfToken() {
        FormFixtures.Created s = fixtures.session();
        String cookie = openForm(s.token());
        browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200);
        browser().cookie(COOKIE, cookie).formParam(field(s.assignmentId(), "1"), "5").post("/f").then()
                .statusCode(403).header("Content-Security-Policy", CSP);
        browser().cookie(COOKIE, cookie).formParam("csrf", "wrong").formParam(field(s.assignmentId(), "1"), "5")
                .post("/f").then().statusCode(403);
        assertThat(fixtures.responsesOf(s.assignmentId())).isZero();
    }

    @Test
    void shouldShowProblemsNextToItemsAndKeepTheAnswers() {
        FormFixtures.Created s = fixtures.session();
        String cookie = openForm(s.token());
        String csrf = csrf(browser().cookie(COOKIE, cookie).get("/f").asString());
        String html = browser().cookie(COOKIE, cookie).formParam("csrf", csrf)
                .formParam(field(s.assignmentId(), "1"), "7.5")
                .formParam(field(s.assignmentId(), "2"), "12")
                .formParam(field(s.assignmentId(), "3"), "")
                .formParam(field(s.assignmentId(), "4"), "3")
                .post("/f").then().statusCode(422)
                .header("Cache-Control", "no-store")
                .body(containsString("There is a problem with your answers"))
                .body(containsString("Choose a value from 0 to 10."))
                .body(containsString("Please answer this question."))
                .extract().asString();
        assertThat(html).contains("value=\"7.5\"").contains("value=\"12\"").contains("value=\"3\"")
                .contains("aria-invalid=\"true\"").contains("href=\"#p1-q2-number\"")
                .contains("aria-describedby=\"p1-q2-error p1-q2-hint\"");
        assertThat(fixtures.responsesOf(s.assignmentId())).isZero();
    }

    @Test
    void shouldStoreOnceAndThankOnARepeatedPost() {
        FormFixtures.Created s = fixtures.session();
        String cookie = openForm(s.token());
        String csrf = csrf(browser().cookie(COOKIE, cookie).get("/f").asString());
        for (int i = 0; i < 2; i++) {
            browser().cookie(COOKIE, cookie).formParam("csrf", csrf)
                    .formParam(field(s.assignmentId(), "1"), "9")
                    .formParam(field(s.assignmentId(), "2"), "9")
                    .formParam(field(s.assignmentId(), "3"), "9")
                    .formParam(field(s.assignmentId(), "4"), "9")
                    .post("/f").then().statusCode(303).header("Location", endsWith("/f"));
        }
        browser().cookie(COOKIE, cookie).get("/f").then().statusCode(200)
                .body(containsString("Your answers were received"));
        assertThat(fixtures.responsesOf(s.assignmentId())).isEqualTo(1);
        assertThat(fixtures.string("select channel || ' ' || language || ' ' || (duration_ms is not null)"
                + " from response where assignment_id = ?::uuid", s.assignmentId())).isEqualTo("form en true");
    }

    @Test
    void shouldBounceOnceWhenTheCookieIsMissingAndThenSayTheFormClosed() {
        browser().get("/f").then().statusCode(200)
                .body(containsString("http-equiv=\"refresh\""))
                .body(containsString("/f?r=1"));
        browser().get("/f?r=1").then().statusCode(410)
                .body(containsString("This form page has closed"));
    }

    @Test
    void shouldKeepTheTokenOutOfOtherOrganizationsReach() {
        FormFixtures.Created s = fixtures.session();
        String other = Api.newOrganization();
        Api.as(other).get("/api/v1/pairs/" + s.pairId() + "/responses").then().statusCode(404)
                .body("status", equalTo(404));
    }
}
