package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rapport.Api.as;

import java.net.URL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

/** Drives Chromium at a desk's 1280 px through the alert inbox and the organization settings, with axe on each. */
@QuarkusTest
class AlertsAndSettingsBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;

    DeskBrowser desk;
    Page page;
    String adminKey;
    String adminName;

    /** Ada Lovelace answered once under the cutoff: one open alert, raised by the real form endpoint. */
    @BeforeEach
    void organizationAndBrowser() {
        adminKey = Api.newOrganization();
        as(adminKey).body("{\"displayName\":\"Ada Lovelace\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        ScoredPairs.answered(adminKey, "c-1", "T-1", ScoredPairs.same(5));
        adminName = Web.username("browser-admin");
        Web.account(adminKey, adminName, BrowserPages.PASSWORD, "admin", null);
        desk = DeskBrowser.signedIn(CHROMIUM, base, adminName, BrowserPages.PASSWORD);
        page = desk.page();
    }

    @AfterEach
    void closeContext() {
        desk.close();
    }

    private void assertAccessible() {
        desk.assertAccessible();
    }

    @Test
    void shouldAcknowledgeAnAlertWithANoteAndShowWhoAcknowledgedIt() {
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts 1 open"))).isVisible();
        // The badge's name is its type only, so that the client's name still names one link per row.
        page.locator("table.caseload tbody tr").filter(new Locator.FilterOptions().setHasText("Ada Lovelace"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Below cutoff")).click();
        page.waitForURL("**/app/alerts?pair=**");
        assertThat(page.locator("li.alert-item")).hasCount(1);
        assertThat(page.locator("li.alert-item .explanation")).containsText("under the clinical cutoff of 36");
        assertAccessible();

        page.getByLabel("Note").fill("Called Ada; we talk about it next session.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge Below cutoff for Ada"
                + " Lovelace (c-1), session 1")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Acknowledged: Below cutoff");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("by " + adminName);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts 0 open"))).isVisible();
        assertThat(page.locator("li.alert-item")).hasCount(0);
        assertAccessible();

        page.getByLabel("Status").selectOption("acknowledged");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        page.waitForURL("**/app/alerts?status=acknowledged**");
        assertThat(page.locator("li.alert-item .acknowledged")).containsText("Acknowledged by " + adminName);
        assertThat(page.locator("li.alert-item .note")).hasText("Called Ada; we talk about it next session.");
        assertAccessible();
        BrowserPages.shot(page, "alerts-acknowledged");
    }

    @Test
    void shouldEditTheOrganizationSettingsAndShowAnInlineErrorForABadValue() {
        BrowserPages.follow(page, "Organization", "/app/settings");
        assertThat(page.getByLabel("Link lifetime in hours")).hasValue("72");
        assertAccessible();

        page.getByLabel("Reminder after, in hours").fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator("#reminderDelayHours-error")).containsText("shorter than the link lifetime");
        assertThat(page.getByLabel("Reminder after, in hours")).hasAttribute("aria-invalid", "true");
        assertAccessible();

        page.getByLabel("Name").fill("Lovelace Practice");
        page.getByLabel("Reminder after, in hours").fill("12");
        page.getByLabel("Deutsch").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        assertThat(page.getByLabel("Deutsch")).not().isChecked();
        as(adminKey).get("/api/v1/organization").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Lovelace Practice"))
                .body("reminderDelayHours", org.hamcrest.Matchers.equalTo(12))
                .body("languages", org.hamcrest.Matchers.contains("en", "es"));
        assertAccessible();
        BrowserPages.shot(page, "organization-settings");
    }
}
