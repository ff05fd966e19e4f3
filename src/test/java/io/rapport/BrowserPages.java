package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/** What the browser tests do on every page: sign in through the login form, follow a link, take a screenshot. */
public final class BrowserPages {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    public static final String PASSWORD = "browser password";

    private BrowserPages() {
    }

    /** Opens the login page, signs in and waits for the caseload. */
    public static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        submitLogin(page, username, password);
        page.waitForURL("**/app");
    }

    /** Fills and sends the login form of the page shown, whatever the answer. */
    public static void submitLogin(Page page, String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** Follows the link of that name and waits for the page at {@code path}. */
    public static void follow(Page page, String link, String path) {
        // The page the link leads to must answer: a 500 there once went unnoticed because only the URL was checked.
        Response answer = page.waitForResponse(r -> r.url().endsWith(path) || r.url().contains(path + "?"),
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link)).click());
        assertThat(answer.status()).as("status of " + path).isLessThan(400);
        page.waitForURL("**" + path);
    }

    /** The whole page as shown, into target/screenshots for a reviewer. */
    public static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
