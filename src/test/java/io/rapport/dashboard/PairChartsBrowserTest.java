package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.BrowserPages;
import io.rapport.Chromium;
import io.rapport.DeskBrowser;
import io.rapport.ScoredPairs;
import io.rapport.Web;
import io.rapport.demo.DemoSeeder;
import io.restassured.response.Response;

/** Drives Debian's Chromium over the caseload scores, the pair charts, the CSV export and the report. */
@QuarkusTest
class PairChartsBrowserTest {

    static final String PASSWORD = "browser password";
    static final double[][] SRS = { { 9.5, 9.5, 9.5, 9.5 }, { 9.3, 9.3, 9.3, 9.3 }, { 9.6, 9.6, 9.6, 9.6 },
            { 7.5, 7.5, 7.5, 7.5 }, { 9.4, 9.4, 9.4, 9.4 }, { 7, 7.5, 7.3, 7.4 } };
    /** Counts the canvas pixels that are not fully transparent. */
    static final String INKED = "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;
    @Inject
    DemoSeeder seeder;

    BrowserContext context;
    Page page;
    String adminKey;
    String username;
    String pairId;

    /**
     * T-1 treats Ada Lovelace: six sessions with the session rating (below the cutoff at 4 and 6) and the WAI-SR
     * (with subscales), then one open session.
     */
    @BeforeEach
    void organizationAndBrowser() {
        adminKey = Api.newOrganization();
        as(adminKey).body("{\"rules\": [{\"questionnaireId\": \"session-rating-4\", \"every\": 1},"
                + " {\"questionnaireId\": \"wai-sr\", \"every\": 1}]}").put("/api/v1/schedule").then()
                .statusCode(200);
        as(adminKey).body("{\"displayName\":\"Ada Lovelace\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        for (int i = 0; i < SRS.length; i++) {
            Response s = as(adminKey).body(session("c-1", "T-1")).post("/api/v1/sessions");
            pairId = s.path("pairId");
            int w = 3 + i % 3;
            ScoredPairs.submitAnswers(formUrl(s, "wai-sr"), "{\"1\":" + w + ",\"2\":4,\"3\":5,\"4\":" + w
                    + ",\"5\":4,\"6\":3,\"7\":5,\"8\":4,\"9\":4,\"10\":" + (6 - w) + ",\"11\":4,\"12\":3}");
            // Answered last, so the session rating is the caseload's most recent alliance score.
            ScoredPairs.submit(formUrl(s, "session-rating-4"), SRS[i]);
        }
        as(adminKey).body(session("c-1", "T-1")).post("/api/v1/sessions").then().statusCode(201);
        username = Web.username("charts");
        Web.account(adminKey, username, PASSWORD, "therapist", "T-1");
        context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setViewportSize(1024, 1366).setAcceptDownloads(true));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void shouldExplainEachEventWithItsRuleValuesThresholdAndSource() {
        as(adminKey).body("{\"citation\":\"Browser test source (2026)\",\"scales\":{\"total\":"
                + "{\"referenceSd\":2,\"reliability\":0.75}}}")
                .put("/api/v1/published-constants/session-rating-4/1.0.0").then().statusCode(200);
        signIn(username, PASSWORD);
        page.navigate("/app/pairs/" + pairId);

        Locator chart = page.locator("section.chart-block").filter(new Locator.FilterOptions()
                .setHasText("session-rating-4"));
        assertThat(chart.locator(".chart-rules")).containsText("Drop rules on: error SD 1");
        Locator drop = chart.locator("ul.explanations li[data-event=reliable-drop][data-session='4']");
        assertThat(drop).isVisible();
        // 38.4 → 30: the values compared, the threshold 3 · √2 · 1 and where the SD and reliability came from
        assertThat(drop).containsText("fell from 38.40 to 30.00");
        assertThat(drop).containsText("at least 4.24");
        assertThat(drop).containsText("Browser test source (2026)");
        assertThat(chart.locator("ul.explanations li[data-event=below-cutoff]").first())
                .containsText("under the clinical cutoff of 36");
        shot("pair-explanations");
    }

    @Test
    void shouldShowScoresChartsTablesExportAndReport() throws IOException {
        signIn(username, PASSWORD);
        Locator row = page.locator("table.caseload tbody tr").filter(new Locator.FilterOptions()
                .setHasText("Ada Lovelace"));
        assertThat(row.locator(".latest")).hasText("29.2");
        assertThat(row.locator("svg.sparkline")).isVisible();
        assertThat(row.locator("svg.sparkline title")).hasText(
                "session-rating-4 totals, sessions 1 to 6: 38, 37.2, 38.4, 30, 37.6, 29.2; cutoff 36");
        assertThat(row.locator(".arrow")).hasText("→");
        assertThat(row.locator(".badge-below-cutoff")).hasText("Below cutoff");
        shot("caseload-scores");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ada Lovelace")).click();
        page.waitForURL("**/app/pairs/**");
        Locator charts = page.locator("canvas.trend-chart");
        assertThat(charts).hasCount(2);
        for (int i = 0; i < 2; i++) {
            Assertions.assertThat(((Number) charts.nth(i).evaluate(INKED)).intValue()).as("inked pixels")
                    .isGreaterThan(1000);
        }

        List<Map<String, Object>> api = as(adminKey).get("/api/v1/pairs/" + pairId + "/trends").then()
                .statusCode(200).extract().path("");
        for (Map<String, Object> trend : api) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> points = (List<Map<String, Object>>) trend.get("points");
            List<String> cells = page.locator("table.data[data-questionnaire=\"" + trend.get("questionnaireId")
                    + "\"] td.total").allTextContents();
            Assertions.assertThat(cells).hasSize(points.size());
            for (int i = 0; i < points.size(); i++) {
                Assertions.assertThat(Double.parseDouble(cells.get(i)))
                        .isCloseTo(((Number) points.get(i).get("total")).doubleValue(), within(0.005));
            }
        }
        page.locator("details.chart-table summary").first().click();
        assertThat(page.locator("table.data").first().locator("tbody tr").first()).containsText("38");

        Locator wai = page.locator("canvas.trend-chart[data-chart*=\"wai-sr\"]");
        String visible = "(c, name) => { const ch = Chart.getChart(c);"
                + " return ch.data.datasets.some((d, i) => d.subscale === name && ch.isDatasetVisible(i)); }";
        Assertions.assertThat((Boolean) wai.evaluate(visible, "task")).isFalse();
        int before = ((Number) wai.evaluate(INKED)).intValue();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("task")).check();
        Assertions.assertThat((Boolean) wai.evaluate(visible, "task")).isTrue();
        Assertions.assertThat(((Number) wai.evaluate(INKED)).intValue()).isNotEqualTo(before);
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("task")).uncheck();
        Assertions.assertThat((Boolean) wai.evaluate(visible, "task")).isFalse();
        shot("pair-charts");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download scores (CSV)")).click());
        Assertions.assertThat(download.suggestedFilename()).isEqualTo("rapport-scores-c-1.csv");
        List<String> csv = Files.readAllLines(download.path());
        Assertions.assertThat(csv.get(0)).startsWith("\"session_number\",\"date\",\"client\"");
        Assertions.assertThat(csv).hasSize(1 + 12);
        Assertions.assertThat(csv).anyMatch(l -> l.contains("\"session-rating-4\"") && l.contains("\"29.2\"")
                && l.contains("below-cutoff"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Printable report")).click();
        page.waitForURL("**/report");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(
                "Alliance report: Ada Lovelace"))).isVisible();
        Assertions.assertThat(((Number) page.locator("canvas.trend-chart").first().evaluate(INKED)).intValue())
                .isGreaterThan(1000);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator("header.bar")).isHidden();
        shot("report-print");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL("**/login");
        page.navigate("/app/pairs/" + pairId);
        page.waitForURL("**/login");
    }

    @Test
    void shouldShowEmpathyAndAllianceTogetherAccessibly() {
        as(adminKey).body("{\"rules\": [{\"questionnaireId\": \"patient-empathy-5\", \"every\": 1},"
                + " {\"questionnaireId\": \"session-rating-4\", \"every\": 1}]}").put("/api/v1/schedule").then()
                .statusCode(200);
        String pair = ScoredPairs.empathyAndAllianceAt(adminKey, "c-7", "T-1", "2026-11-02T15:00:00Z", 4,
                ScoredPairs.total(30));
        ScoredPairs.empathyAndAllianceAt(adminKey, "c-7", "T-1", "2026-11-09T15:00:00Z", null, ScoredPairs.total(34));
        try (DeskBrowser desk = DeskBrowser.signedIn(CHROMIUM, base, username, PASSWORD)) {
            Page p = desk.page();
            p.navigate("/app/pairs/" + pair);
            assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Empathy and alliance")))
                    .isVisible();
            assertThat(p.locator("table.empathy-alliance tbody tr")).hasCount(2);
            assertThat(p.locator("table.empathy-alliance tbody tr").nth(1)).containsText("not answered");
            desk.assertAccessible();
        }
    }

    @Test
    void shouldShowTheDemoPairsFullCharts() {
        seeder.seed();
        signIn(DemoSeeder.THERAPIST_USERNAME, DemoSeeder.THERAPIST_PASSWORD);
        assertThat(page.locator("table.caseload svg.sparkline")).hasCount(8);
        Assertions.assertThat(page.locator("table.caseload .badge").count()).isGreaterThan(0);
        shot("demo-caseload");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jordan P.")).click();
        page.waitForURL("**/app/pairs/**");
        Locator charts = page.locator("canvas.trend-chart");
        assertThat(charts).hasCount(3);
        Assertions.assertThat(((Number) charts.first().evaluate(INKED)).intValue()).isGreaterThan(1000);
        page.setViewportSize(1024, 900);
        shot("demo-pair");
        // The first screen only: the README's screenshot, small enough for the repository.
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserPages.SCREENSHOTS.resolve(
                "demo-pair-top.png")));
        page.locator("section.chart-block").first().screenshot(new Locator.ScreenshotOptions()
                .setPath(BrowserPages.SCREENSHOTS.resolve("demo-pair-chart.png")));
    }

    private void signIn(String user, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/app");
    }

    private static String formUrl(Response session, String questionnaireId) {
        return session.path("assignments.find { it.questionnaireId == '" + questionnaireId + "' }.formUrl");
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserPages.SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
