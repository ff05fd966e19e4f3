package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

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
import io.rapport.Chromium;
import io.rapport.Web;
import io.rapport.alert.webhook.WebhookReceiver;

/** The webhooks and schedule pages in Debian's Chromium at desk width, with axe on every state shown. */
@QuarkusTest
class SettingsBrowserTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final String PASSWORD = "browser password";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;

    /** Settings are used at a desk: 1280 px. */
    final Browser.NewContextOptions desktop = new Browser.NewContextOptions().setViewportSize(1280, 900);
    BrowserContext context;
    Page page;
    String adminKey;
    WebhookReceiver receiver;

    @BeforeEach
    void signedInAdmin() {
        adminKey = Api.newOrganization();
        String username = Web.username("settings-admin");
        Web.account(adminKey, username, PASSWORD, "admin", null);
        receiver = new WebhookReceiver();
        receiver.down = false;
        context = CHROMIUM.browser().newContext(desktop.setBaseURL(base.toString()));
        page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/app");
    }

    @AfterEach
    void closeContextAndReceiver() {
        context.close();
        receiver.close();
    }

    @Test
    void shouldCreateAnEndpointSeeItsSecretOnceAndSeeATestEventDelivered() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();
        page.waitForURL("**/app/settings/webhooks");
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
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedule")).click();
        page.waitForURL("**/app/settings/schedule");
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
        Accessibility.assertAccessible(CHROMIUM.browser(), context, page, desktop);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
