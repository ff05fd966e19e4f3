package io.rapport.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rapport.Api.as;
import static io.rapport.Api.session;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
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
import io.rapport.Api;
import io.rapport.BrowserPages;
import io.rapport.Chromium;
import io.rapport.DeskBrowser;
import io.rapport.Web;

/** Drives Debian's Chromium through the login, caseload, pair page and logout. */
@QuarkusTest
class DashboardBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;
    String adminKey;
    String username;

    /** T-1 treats Ada Lovelace (2 sessions); T-2 treats Bo Diddley. The browser signs in as T-1. */
    @BeforeEach
    void organizationAndBrowser() {
        adminKey = Api.newOrganization();
        as(adminKey).body("{\"displayName\":\"Ada Lovelace\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        as(adminKey).body("{\"displayName\":\"Bo Diddley\"}").put("/api/v1/clients/c-3").then().statusCode(201);
        as(adminKey).body(session("c-1", "T-1")).post("/api/v1/sessions").then().statusCode(201);
        as(adminKey).body(session("c-1", "T-1")).post("/api/v1/sessions").then().statusCode(201);
        as(adminKey).body(session("c-3", "T-2")).post("/api/v1/sessions").then().statusCode(201);
        username = Web.username("browser");
        Web.account(adminKey, username, BrowserPages.PASSWORD, "therapist", "T-1");
        // Tablet width: the layout must work there.
        context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setViewportSize(820, 1180));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void shouldSignInShowTheCaseloadAndPairAndLogOut() {
        page.navigate("/login");
        shot("login");
        signIn(BrowserPages.PASSWORD);
        page.waitForURL("**/app");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Caseload"))).isVisible();
        assertThat(page.locator("table.caseload tbody tr")).hasCount(1);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        assertThat(page.locator("body")).not().containsText("Bo Diddley");
        shot("caseload");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace")).click();
        page.waitForURL("**/app/pairs/**");
        assertThat(page.locator("table.sessions tbody tr")).hasCount(2);
        shot("pair");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL("**/login");
        page.navigate("/app");
        page.waitForURL("**/login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    }

    @Test
    void shouldShowAClearErrorForAWrongPassword() {
        page.navigate("/login");
        signIn("not the password");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The username or password is not correct.");
        assertThat(page.getByLabel("Username")).hasValue(username);
        shot("login-wrong-password");
    }

    @Test
    void shouldAnswer404WhenATherapistOpensAnotherTherapistsPair() {
        String theirs = as(adminKey).queryParam("clientId", "c-3").get("/api/v1/pairs").then().extract()
                .path("items[0].id");
        page.navigate("/login");
        signIn(BrowserPages.PASSWORD);
        page.waitForURL("**/app");
        Response response = page.navigate("/app/pairs/" + theirs);
        Assertions.assertEquals(404, response.status());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.locator("body")).not().containsText("Bo Diddley");
        shot("pair-not-found");
    }

    @Test
    void shouldLetAnAdminCreateAnAccountThroughThePage() {
        String adminName = Web.username("admin");
        Web.account(adminKey, adminName, BrowserPages.PASSWORD, "admin", null);
        BrowserPages.signIn(page, adminName, BrowserPages.PASSWORD);
        assertThat(page.locator("table.caseload tbody tr")).hasCount(2);
        BrowserPages.follow(page, "Accounts", "/app/accounts");

        String created = Web.username("colleague");
        page.getByLabel("Username").fill(created);
        page.getByLabel("Password").fill("short");
        page.getByLabel("Therapist id in the EHR").fill("T-2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        // The browser's own minlength check keeps the short password from being sent.
        assertThat(page.locator("table tbody")).not().containsText(created);
        page.getByLabel("Password").fill("a long enough password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.locator("table tbody")).containsText(created);
        shot("accounts");
    }

    @Test
    void shouldLetAnAdminIssueAKeyThatWorksRevokeItAndSeeAThresholdError() throws Exception {
        String adminName = Web.username("keys-admin");
        Web.account(adminKey, adminName, BrowserPages.PASSWORD, "admin", null);
        try (DeskBrowser desk = DeskBrowser.signedIn(CHROMIUM, base, adminName, BrowserPages.PASSWORD)) {
            Page p = desk.page();
            BrowserPages.follow(p, "API keys", "/app/settings/keys");
            desk.assertAccessible();

            p.getByLabel("Name").fill("Practice EHR");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue key")).click();
            assertThat(p.getByText("it will not be shown again")).isVisible();
            assertThat(p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"))).isVisible();
            String key = p.locator("#new-key").textContent().trim();
            org.assertj.core.api.Assertions.assertThat(key).startsWith("rpk_");
            // As an EHR's operator would: the key with curl, from outside the test's HTTP client.
            org.assertj.core.api.Assertions.assertThat(curlStatus(key, "/api/v1/pairs")).isEqualTo(200);
            desk.assertAccessible();

            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke Practice EHR")).click();
            assertThat(p.getByRole(AriaRole.STATUS).first()).containsText("Revoked");
            Awaitility.await("the revocation").atMost(Duration.ofSeconds(4))
                    .until(() -> curlStatus(key, "/api/v1/pairs"), s -> s == 401);

            BrowserPages.follow(p, "Thresholds", "/app/settings/trends");
            p.getByLabel("Sessions a rupture has to be repaired").fill("0");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save thresholds")).click();
            assertThat(p.locator("#repairWindow-error")).isVisible();
            desk.assertAccessible();
        }
    }

    private void signIn(String password) {
        BrowserPages.submitLogin(page, username, password);
    }

    private void shot(String name) {
        BrowserPages.shot(page, name);
    }

    /** The HTTP status curl gets for a GET with this bearer key; the key goes through a header file, not argv. */
    private int curlStatus(String key, String path) throws Exception {
        Path headers = Files.createTempFile("rapport-curl", ".txt");
        try {
            Files.writeString(headers, "Authorization: Bearer " + key + "\n");
            Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                    "@" + headers, base + path.substring(1)).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes()).trim();
            org.assertj.core.api.Assertions.assertThat(curl.waitFor()).as("curl exit code").isZero();
            return Integer.parseInt(out);
        } finally {
            Files.deleteIfExists(headers);
        }
    }
}
