package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import io.rapport.Web;
import io.rapport.alert.webhook.WebhookReceiver;

/** The webhooks and schedule pages in Debian's Chromium at desk width, with axe on every state shown. */
@QuarkusTest
class SettingsBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;

    DeskBrowser desk;
    Page page;
    String adminKey;
    WebhookReceiver receiver;

    @BeforeEach
    void signedInAdmin() {
        adminKey = Api.newOrganization();
        String username = Web.username("settings-admin");
        Web.account(adminKey, username, BrowserPages.PASSWORD, "admin", null);
        receiver = new WebhookReceiver();
        receiver.down = false;
        desk = DeskBrowser.signedIn(CHROMIUM, base, username, BrowserPages.PASSWORD);
        page = desk.page();
    }

    @AfterEach
    void closeContextAndReceiver() {
        desk.close();
        receiver.close();
    }

    @Test
    void shouldCreateAnEndpointSeeItsSecretOnceAndSeeATestEventDelivered() {
        BrowserPages.follow(page, "Webhooks", "/app/settings/webhooks");
        assertAccessible();

        String url = receiver.url("/hook");
        page.getByLabel("URL").fill(url);
        page.getByLabel("Description").fill("Practice EHR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
        assertThat(page.getByText("it will not be shown again")).isVisible();
        String secret = page.locator("#new-secret").textContent().trim();
        org.assertj.core.api.Assertions.assertThat(secret).startsWith("whsec_");
        receiver.secret = secret;
        assertAccessible();
        shot("webhook-created");

        page.navigate("/app/settings/webhooks");
        assertThat(page.locator("#new-secret")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secret);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test event to " + url)).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Test event queued");
        Locator row = page.locator("table.deliveries tbody tr[data-delivery]");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("webhook.test");
        // The relay runs every second in the test profile; reload until the page shows the outcome.
        for (int tries = 0; tries < 60 && !row.locator(".delivery-status").textContent().contains("Delivered"); tries++) {
            page.waitForTimeout(500);
            page.navigate("/app/settings/webhooks");
        }
        assertThat(row.locator(".delivery-status")).hasText("Delivered");
        assertThat(row).containsText("204");
        org.assertj.core.api.Assertions.assertThat(receiver.accepted.values())
                .singleElement().satisfies(r -> {
                    org.assertj.core.api.Assertions.assertThat(r.signatureValid()).isTrue();
                    org.assertj.core.api.Assertions.assertThat(r.body().get("type").asText()).isEqualTo("webhook.test");
                });
        assertAccessible();
        shot("webhook-delivered");
    }

    @Test
    void shouldEditTheScheduleWithAnInlineError() {
        BrowserPages.follow(page, "Schedule", "/app/settings/schedule");
        assertAccessible();

        Locator wai = page.locator("fieldset[data-questionnaire=wai-sr]");
        wai.getByLabel("Send wai-sr").check();
        wai.getByLabel("Every (sessions").fill("x");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save schedule")).click();
        assertThat(page.locator("#every-wai-sr-error")).containsText("must be a whole number");
        assertThat(page.locator("#every-wai-sr")).hasAttribute("aria-invalid", "true");
        assertAccessible();
        shot("schedule-error");

        page.locator("fieldset[data-questionnaire=wai-sr]").getByLabel("Every (sessions").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save schedule")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Saved.");
        assertAccessible();
        org.assertj.core.api.Assertions.assertThat(Api.as(adminKey).get("/api/v1/schedule").jsonPath()
                .getList("rules.questionnaireId")).containsExactly("session-rating-4", "wai-sr");
    }

    private void assertAccessible() {
        desk.assertAccessible();
    }

    private void shot(String name) {
        BrowserPages.shot(page, name);
    }
}
