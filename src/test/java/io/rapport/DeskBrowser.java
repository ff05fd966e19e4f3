package io.rapport;

import java.net.URL;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * A browser context at a desk's 1280 px, where settings are used, with one page signed in through the login form;
 * closed after the test.
 */
public final class DeskBrowser implements AutoCloseable {

    private final Browser browser;
    private final Browser.NewContextOptions options;
    private final BrowserContext context;
    private final Page page;

    private DeskBrowser(Browser browser, URL base) {
        this.browser = browser;
        this.options = new Browser.NewContextOptions().setViewportSize(1280, 900).setBaseURL(base.toString());
        this.context = browser.newContext(options);
        this.page = context.newPage();
    }

    /** A desk browser of the test class's Chromium, signed in as {@code username}. */
    public static DeskBrowser signedIn(Chromium chromium, URL base, String username, String password) {
        DeskBrowser desk = new DeskBrowser(chromium.browser(), base);
        try {
            BrowserPages.signIn(desk.page, username, password);
        } catch (RuntimeException | Error e) {
            desk.close();
            throw e;
        }
        return desk;
    }

    public Page page() {
        return page;
    }

    /** axe on the page as shown now, at the same width. */
    public void assertAccessible() {
        Accessibility.assertAccessible(browser, context, page, options);
    }

    @Override
    public void close() {
        context.close();
    }
}
