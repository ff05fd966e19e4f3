package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

/** axe-core on a page as the browser shows it now, for the browser tests of every page. */
public final class Accessibility {

    private Accessibility() {
    }

    /**
     * Runs axe-core on the page's current HTML in a CSP-bypassing context with the same cookies (our CSP forbids
     * the injected script) and asserts no serious or critical violation.
     *
     * @param options the viewport and device of the audit, as the page was seen
     */
    public static void assertAccessible(Browser browser, BrowserContext context, Page page,
            Browser.NewContextOptions options) {
        assertThat(violations(browser, context, page, options, false))
                .as("serious or critical accessibility violations on " + page.url()).isEmpty();
    }

    /** As {@link #assertAccessible}, but no violation of any impact, minor and moderate included. */
    public static void assertNoViolations(Browser browser, BrowserContext context, Page page,
            Browser.NewContextOptions options) {
        assertThat(violations(browser, context, page, options, true))
                .as("accessibility violations on " + page.url()).isEmpty();
    }

    private static List<?> violations(Browser browser, BrowserContext context, Page page,
            Browser.NewContextOptions options, boolean all) {
        String html = page.content();
        String url = page.url();
        try (BrowserContext audit = browser.newContext(options.setBypassCSP(true)
                .setStorageState(context.storageState()))) {
            Page p = audit.newPage();
            p.navigate("about:blank");
            p.route(url, route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(200).setContentType("text/html").setBody(html)));
            p.navigate(url);
            p.addScriptTag(new Page.AddScriptTagOptions().setContent(axe()));
            return (List<?>) p.evaluate("async all => (await axe.run()).violations"
                    + ".filter(v => all || v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))", all);
        }
    }

    private static String axe() {
        try (InputStream in = Accessibility.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core webjar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
