package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Accessibility;
import io.rapport.Api;
import io.rapport.Chromium;
import io.rapport.Web;

/** An admin issues a key on the page, uses it, and revokes it, at desktop width. */
@QuarkusTest
class ApiKeyPageBrowserTest {

    static final String PASSWORD = "browser password";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;

    private static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions().setViewportSize(1280, 900);
    }

    @BeforeEach
    void signedInAdmin() {
        String adminKey = Api.newOrganization();
        String admin = Web.username("keys-admin");
        Web.account(adminKey, admin, PASSWORD, "admin", null);
        context = CHROMIUM.browser().newContext(desktop().setBaseURL(base.toString()));
        page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Username").fill(admin);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/app");
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void shouldIssueAKeyThatWorksAndRevokeIt() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys")).click();
        page.waitForURL("**/app/settings/keys");
        Accessibility.assertAccessible(CHROMIUM.browser(), context, page, desktop());

        page.getByLabel("Name").fill("Practice EHR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue key")).click();
        assertThat(page.getByText("it will not be shown again")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"))).isVisible();
        String key = page.locator("#new-key").textContent().trim();
        org.assertj.core.api.Assertions.assertThat(key).startsWith("rpk_");
        given().auth().oauth2(key).get("/api/v1/pairs").then().statusCode(200);
        Accessibility.assertAccessible(CHROMIUM.browser(), context, page, desktop());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke Practice EHR")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Revoked");
        Awaitility.await("the revocation").atMost(Duration.ofSeconds(4))
                .until(() -> given().auth().oauth2(key).get("/api/v1/pairs").statusCode(), s -> s == 401);
    }
}
