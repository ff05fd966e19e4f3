package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rapport.ScoredPairs.total;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.BrowserPages;
import io.rapport.Chromium;
import io.rapport.DeskBrowser;
import io.rapport.ScoredPairs;
import io.rapport.Web;

/** The insight pages in Debian's Chromium at desk width: the charts are drawn, and axe finds nothing. */
@QuarkusTest
class InsightBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;

    String adminKey;

    /** Six clients of t-1 (so no cell is suppressed) with a first and a latest total each. */
    @BeforeEach
    void organization() {
        adminKey = Api.newOrganization();
        for (int i = 0; i < 6; i++) {
            ScoredPairs.answered(adminKey, "c-" + i, "t-1", total(24 + 2 * i), total(26 + 2 * i));
        }
        // Five of them answer the empathy measure first and the session rating a week later.
        ScoredPairs.empathyAndAlliance(adminKey);
        for (int i = 0; i < 5; i++) {
            ScoredPairs.empathyAndAllianceAt(adminKey, "c-" + i, "t-1", "2026-11-21T15:00:00Z", 2 + i, null);
            ScoredPairs.empathyAndAllianceAt(adminKey, "c-" + i, "t-1", "2026-11-28T15:00:00Z", null,
                    total(28 + 4 * (i % 3)));
        }
    }

    @Test
    void shouldDrawTheOrganizationsChartsAccessibly() {
        String username = Web.username("insight-admin");
        Web.account(adminKey, username, BrowserPages.PASSWORD, "admin", null);
        try (DeskBrowser desk = DeskBrowser.signedIn(CHROMIUM, base, username, BrowserPages.PASSWORD)) {
            Page page = desk.page();
            BrowserPages.follow(page, "Agency insights", "/app/insights");
            page.navigate("/app/insights?questionnaire=session-rating-4");
            assertDrawn(page, 3);
            assertThat(page.locator("table.therapists tbody tr")).hasCount(1);
            assertThat(page.locator("table.empathy tbody tr")).hasCount(1);
            desk.assertAccessible();
            BrowserPages.shot(page, "insights-organization");
        }
    }

    @Test
    void shouldDrawATherapistsOwnChartsAccessibly() {
        String username = Web.username("insight-t1");
        Web.account(adminKey, username, BrowserPages.PASSWORD, "therapist", "t-1");
        try (DeskBrowser desk = DeskBrowser.signedIn(CHROMIUM, base, username, BrowserPages.PASSWORD)) {
            Page page = desk.page();
            BrowserPages.follow(page, "Your own figures", "/app/insights");
            page.navigate("/app/insights?questionnaire=session-rating-4");
            assertThat(page.locator("h1")).containsText("Your figures");
            assertDrawn(page, 2);
            assertThat(page.locator("table.empathy tbody tr")).hasCount(1);
            desk.assertAccessible();
            BrowserPages.shot(page, "insights-therapist");
        }
    }

    /** Every chart canvas has a Chart.js chart with data in it. */
    private static void assertDrawn(Page page, int charts) {
        Locator canvases = page.locator("canvas.insight-chart");
        assertThat(canvases).hasCount(charts);
        page.waitForFunction("() => [...document.querySelectorAll('canvas.insight-chart')].every(c => c.chart)");
        for (int i = 0; i < charts; i++) {
            Object points = canvases.nth(i).evaluate(
                    "c => c.chart.data.datasets.reduce((n, d) => n + d.data.filter(v => v !== null).length, 0)");
            org.assertj.core.api.Assertions.assertThat(((Number) points).intValue()).as("chart " + i).isPositive();
        }
    }
}
