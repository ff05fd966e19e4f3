package io.rapport.delivery.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Accessibility;
import io.rapport.Api;
import io.rapport.Chromium;
import io.rapport.delivery.FormFixtures;

/** The form as a client sees it on a phone, driven through Debian's Chromium. */
@QuarkusTest
class FormBrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;
    @Inject
    DataSource dataSource;

    FormFixtures fixtures;
    BrowserContext context;
    Page page;

    @BeforeEach
    void phone() {
        fixtures = new FormFixtures(dataSource);
        context = CHROMIUM.browser().newContext(phoneOptions().setBypassCSP(false));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private static Browser.NewContextOptions phoneOptions() {
        return new Browser.NewContextOptions().setViewportSize(360, 740).setHasTouch(true).setIsMobile(true)
                .setDeviceScaleFactor(2).setLocale("en-US");
    }

    /** The link as the test server serves it: rapport.public-url points elsewhere. */
    private String link(String token) {
        return URI.create(base.toString()).resolve("/f/" + token).toString().replace("127.0.0.1", "localhost");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** axe-core on the page as the phone shows it; no serious or critical violations. */
    private void assertAccessible() {
        Accessibility.assertAccessible(CHROMIUM.browser(), context, page, phoneOptions());
    }

    private void answerLikertByTouch(String fieldsetId, String value) {
        page.locator("#" + fieldsetId + " label.option:has(input[value='" + value + "'])").tap();
    }

    @Test
    void shouldAnswerByTouchAndKeyboardAndThank() {
        FormFixtures.Created s = fixtures.session();
        fixtures.addAssignment(s.sessionId(), "wai-sr", "1.0.0");
        page.navigate(link(s.token()));
        assertThat(page.url()).endsWith("/f").doesNotContain(s.token());
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.locator("#progress").textContent()).contains("0 of 16");
        screenshot("form");
        assertAccessible();

        // The sliders by keyboard: focus, then arrows; the number fallback follows.
        for (int q = 1; q <= 4; q++) {
            page.locator("#p1-q" + q + "-slider").focus();
            page.keyboard().press("End");
            page.keyboard().press("ArrowLeft");
        }
        assertThat(page.locator("#p1-q1-number").inputValue()).isEqualTo("9.9");
        // Likert items: most by tap, the last few by keyboard (Tab to the group, arrows, Space).
        for (int q = 1; q <= 9; q++) {
            answerLikertByTouch("p2-q" + q, "4");
        }
        for (int q = 10; q <= 12; q++) {
            page.locator("#p2-q" + q + "-1").focus();
            page.keyboard().press("ArrowRight");
            page.keyboard().press("ArrowRight");
            page.keyboard().press("Space");
        }
        assertThat(page.locator("#p2-q12-3").isChecked()).isTrue();
        assertThat(page.locator("#progress").textContent()).contains("16 of 16");
        page.waitForNavigation(
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).tap());
        assertThat(page.locator("h1").textContent()).contains("Thank you");
        assertThat(page.content()).contains("Your answers were received");
        screenshot("thank-you");
        assertAccessible();
        assertThat(fixtures.responsesOf(s.assignmentId())).isEqualTo(1);
        assertThat(fixtures.string("select total from response where assignment_id = ?::uuid", s.assignmentId()))
                .isEqualTo("39.6");

        page.reload();
        assertThat(page.locator("h1").textContent()).contains("Thank you");
        assertThat(fixtures.responsesOf(s.assignmentId())).isEqualTo(1);
    }

    @Test
    void shouldKeepAnswersWhenSomeAreMissing() {
        FormFixtures.Created s = fixtures.session();
        page.navigate(link(s.token()));
        page.locator("#p1-q1-number").fill("7.5");
        page.locator("#p1-q2-slider").focus();
        page.keyboard().press("Home");
        page.waitForNavigation(() -> page.locator("button[type=submit]").tap());
        screenshot("validation-error");
        assertThat(page.locator("#p1-q1-number").inputValue()).isEqualTo("7.5");
        assertThat(page.locator("#p1-q2-number").inputValue()).isEqualTo("0");
        assertThat(page.locator("#p1-q3-error").textContent()).contains("Please answer this question.");
        assertThat(page.locator("#p1-q3-number").getAttribute("aria-describedby")).contains("p1-q3-error");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("error-summary");
        assertAccessible();
        page.locator("#error-summary a[href='#p1-q3-number']").click();
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("p1-q3-number");
        page.locator("#p1-q3-number").fill("5");
        page.locator("#p1-q4-number").fill("10");
        page.waitForNavigation(() -> page.locator("button[type=submit]").click());
        assertThat(page.locator("h1").textContent()).contains("Thank you");
        assertThat(fixtures.string("select total from response where assignment_id = ?::uuid", s.assignmentId()))
                .isEqualTo("22.5");
    }

    @Test
    void shouldWorkWithoutJavaScript() {
        context.close();
        context = CHROMIUM.browser().newContext(phoneOptions().setJavaScriptEnabled(false));
        page = context.newPage();
        FormFixtures.Created s = fixtures.session();
        page.navigate(link(s.token()));
        assertThat(page.locator("#p1-q1-slider").isVisible()).isFalse();
        for (int q = 1; q <= 4; q++) {
            page.locator("#p1-q" + q + "-number").fill("8");
        }
        page.waitForNavigation(() -> page.locator("button[type=submit]").click());
        assertThat(page.locator("h1").textContent()).contains("Thank you");
        assertThat(fixtures.responsesOf(s.assignmentId())).isEqualTo(1);
    }

    @Test
    void shouldExplainAnExpiredLink() {
        FormFixtures.Created s = fixtures.session();
        fixtures.expire(s.assignmentId());
        Response r = page.navigate(link(s.token()));
        assertThat(r.status()).isEqualTo(410);
        assertThat(page.locator("h1").textContent()).contains("This link has expired");
        screenshot("expired");
        assertAccessible();
    }

    @Test
    void shouldExplainAnUnknownLink() {
        Response r = page.navigate(link("no-such-link-" + System.nanoTime()));
        assertThat(r.status()).isEqualTo(404);
        assertThat(page.locator("h1").textContent()).contains("Link not found");
        screenshot("unknown");
        assertAccessible();
    }

    /** The client's own chart on a phone: drawn without script, readable by axe's rules, and small. */
    @Test
    void shouldShowTheClientTheirOwnChartAccessiblyAndSmall() {
        FormFixtures.Created first = fixtures.session();
        Api.as(first.key()).body("{\"name\":\"Clinic\",\"linkTtlHours\":72,\"reminderDelayHours\":24,"
                + "\"languages\":[\"en\"],\"clientChart\":true}").put("/api/v1/organization").then()
                .statusCode(200);
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("5", "6", "5", "6"))
                .post("/api/v1/forms/" + first.token() + "/responses").then().statusCode(201);
        String second = Api.as(first.key()).body(Api.session("c-1", "t-1", "2026-11-27T15:00:00Z"))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("assignments[0].formUrl");
        page.navigate(link(second.substring(second.lastIndexOf('/') + 1)));
        for (int q = 1; q <= 4; q++) {
            page.locator("#p1-q" + q + "-number").fill("8");
        }
        page.waitForNavigation(() -> page.locator("button[type=submit]").tap());
        assertThat(page.locator("h1").textContent()).contains("Thank you");

        // Weighed in a fresh context with the visit's cookie, so nothing comes from the cache.
        String thanks = page.url();
        String visit = context.storageState();
        context.close();
        context = CHROMIUM.browser().newContext(phoneOptions().setBypassCSP(false).setStorageState(visit));
        page = context.newPage();
        List<String> urls = new ArrayList<>();
        long[] bytes = { 0 };
        page.onResponse(r -> {
            urls.add(r.url() + " " + r.status() + " " + r.body().length);
            bytes[0] += r.body().length;
        });
        page.navigate(thanks);
        page.waitForLoadState();
        assertThat(page.locator("#own-chart").textContent()).isEqualTo("Your ratings so far");
        assertThat(page.locator("svg[role=img]").count()).isEqualTo(1);
        assertThat(page.locator("svg[role=img]").isVisible()).isTrue();
        assertThat(page.locator("svg circle").count()).isEqualTo(2);
        assertThat(page.locator("figure table tbody tr").allTextContents()).hasSize(2)
                .anyMatch(row -> row.contains("22")).anyMatch(row -> row.contains("32"));
        assertThat(page.locator("script").count()).isZero();
        screenshot("client-chart");
        System.out.println("Client chart page weight: " + bytes[0] + " bytes: " + urls);
        assertThat(urls).hasSize(2).allMatch(u -> u.startsWith(base.toString().replace("127.0.0.1", "localhost")));
        assertThat(bytes[0]).isLessThan(60 * 1024);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        Accessibility.assertNoViolations(CHROMIUM.browser(), context, page, phoneOptions());
    }

    @Test
    void shouldKeepThePageSmallAndFirstParty() {
        FormFixtures.Created s = fixtures.session();
        fixtures.addAssignment(s.sessionId(), "wai-sr", "1.0.0");
        List<String> urls = new ArrayList<>();
        long[] bytes = { 0 };
        page.onResponse(r -> {
            urls.add(r.url());
            if (r.status() == 200) {
                bytes[0] += r.body().length;
            }
        });
        page.navigate(link(s.token()));
        page.waitForLoadState();
        assertThat(urls).allMatch(u -> u.startsWith(base.toString().replace("127.0.0.1", "localhost")));
        assertThat(bytes[0]).isLessThan(60 * 1024);
        Object smallest = page.evaluate("() => Math.min(...[...document.querySelectorAll('label.option,"
                + " button, input[type=number], input[type=range]')].map(e => e.getBoundingClientRect().height))");
        assertThat(((Number) smallest).doubleValue()).isGreaterThanOrEqualTo(44);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
    }
}
