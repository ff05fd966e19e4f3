package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rapport.Api.as;
import static io.rapport.Api.session;

import java.net.URL;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Accessibility;
import io.rapport.Api;
import io.rapport.BrowserPages;
import io.rapport.Chromium;
import io.rapport.ScoredPairs;
import io.rapport.Web;
import io.restassured.response.Response;

/**
 * The pair page at 1280 px with both sides (issue 16): the therapist rates the latest session on the page, and the
 * chart then draws the client's totals and the therapist's predictions as two lines.
 */
@QuarkusTest
class BothSidesBrowserTest {

    static final String PASSWORD = "browser password";
    static final double[] CLIENT = { 32, 30, 24, 34 };
    static final double[] PREDICTED = { 34, 32, 32 };
    /** The labels of the chart's visible datasets. */
    static final String VISIBLE = "c => { const ch = Chart.getChart(c);"
            + " return ch.data.datasets.filter((d, i) => ch.isDatasetVisible(i)).map(d => d.label); }";
    static final String POINTS = "(c, label) => Chart.getChart(c).data.datasets.find(d => d.label === label)"
            + ".data.map(p => p.y)";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;
    String pairId;
    Browser.NewContextOptions options;

    @BeforeEach
    void fourSessionsTheLastNotRatedYet() {
        String key = Api.newOrganization();
        as(key).body("{\"rules\":[{\"questionnaireId\":\"session-rating-4\",\"every\":1},"
                + "{\"questionnaireId\":\"session-rating-4-prediction\",\"every\":1}]}").put("/api/v1/schedule")
                .then().statusCode(200);
        as(key).body("{\"displayName\":\"Grace Hopper\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        for (int i = 0; i < CLIENT.length; i++) {
            Response s = as(key).body(session("c-1", "T-1")).post("/api/v1/sessions");
            pairId = s.path("pairId");
            ScoredPairs.submit(s.path("assignments[0].formUrl"), ScoredPairs.total(CLIENT[i]));
            if (i < PREDICTED.length) {
                ScoredPairs.submit(s.path("assignments[1].formUrl"), ScoredPairs.total(PREDICTED[i]));
            }
        }
        String username = Web.username("sides");
        Web.account(key, username, PASSWORD, "therapist", "T-1");
        options = new Browser.NewContextOptions().setBaseURL(base.toString()).setViewportSize(1280, 900);
        context = CHROMIUM.browser().newContext(options);
        page = context.newPage();
        BrowserPages.signIn(page, username, PASSWORD);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void shouldRateTheSessionOnThePageAndThenDrawBothLines() {
        page.navigate("/app/pairs/" + pairId);
        assertThat(page.locator("p.withheld")).containsText("session 4");
        Locator chart = page.locator("section.chart-block canvas.trend-chart");
        Assertions.assertThat(((List<?>) chart.evaluate(POINTS, "Total"))).as("session 4 withheld").hasSize(3);
        Accessibility.assertAccessible(CHROMIUM.browser(), context, page, options);

        Locator form = page.locator("form.rating");
        for (int item = 1; item <= 4; item++) {
            form.locator("input[type=number]").nth(item - 1).fill("7");
        }
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send my rating")).click();
        page.waitForURL("**/app/pairs/" + pairId);

        assertThat(page.locator("form.rating")).hasCount(0);
        assertThat(page.locator("p.withheld")).hasCount(0);
        Assertions.assertThat(((List<?>) chart.evaluate(VISIBLE)).stream().map(String::valueOf).toList())
                .contains("Total", "Therapist's prediction");
        Assertions.assertThat(((List<?>) chart.evaluate(POINTS, "Total")).stream()
                .map(v -> ((Number) v).doubleValue()).toList()).containsExactly(32.0, 30.0, 24.0, 34.0);
        Assertions.assertThat(((List<?>) chart.evaluate(POINTS, "Therapist's prediction")).stream()
                .map(v -> ((Number) v).doubleValue()).toList()).containsExactly(34.0, 32.0, 32.0, 28.0);
        Locator sides = page.locator("table.sides-table tbody tr");
        assertThat(sides.first().locator("td.gap")).hasText("-6");
        assertThat(sides.nth(1).locator("td.gap")).hasText("+8");
        Accessibility.assertAccessible(CHROMIUM.browser(), context, page, options);
        BrowserPages.shot(page, "pair-both-sides");
    }
}
