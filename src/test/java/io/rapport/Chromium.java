package io.rapport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, which must never download a browser of its own; one browser per test
 * class, registered with {@code @RegisterExtension}. Without Chromium the browser tests are skipped on a developer's
 * machine and fail in CI, which installs it.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(EXECUTABLE)) {
            if (System.getenv("CI") != null) {
                Assertions.fail("Chromium is missing at " + EXECUTABLE + "; CI must install it (apt-get install chromium)");
            }
            Assumptions.abort("Chromium is not installed at " + EXECUTABLE + "; browser tests skipped");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
