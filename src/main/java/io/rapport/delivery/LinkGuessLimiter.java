package io.rapport.delivery;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.rapport.common.error.ApiException;

/**
 * Slows down link-token guessing: after too many unknown tokens from one client address within a minute, every
 * link request from it gets 429 until the minute is over. The counts live in this instance's memory; with several
 * instances each counts alone, which still caps guessing at a few per minute per instance. Behind a proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's, not the proxy's.
 */
@ApplicationScoped
public class LinkGuessLimiter {

    private static final long WINDOW_MS = 60_000;
    private static final int PRUNE_ABOVE = 10_000;

    /** Thrown when an address is over the limit; {@code retryAfterSeconds} is for the Retry-After header. */
    public static class TooManyGuesses extends ApiException {

        TooManyGuesses(long retryAfterSeconds) {
            super(429, "too-many-requests", "Too Many Requests",
                    "Too many unknown links from this address; retry after " + retryAfterSeconds + " seconds",
                    List.of(), retryAfterSeconds);
        }
    }

    private record Window(long startMs, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    @Inject
    public LinkGuessLimiter(DeliveryConfig config) {
        this(config.unknownLinkAttemptsPerMinute(), Clock.systemUTC());
    }

    LinkGuessLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** @throws TooManyGuesses when {@code address} used up its unknown-token attempts this minute */
    public void check(String address) {
        long now = clock.millis();
        Window w = windows.get(address);
        if (w != null && now - w.startMs() < WINDOW_MS && w.count() >= limit) {
            throw new TooManyGuesses(Math.max(1, (w.startMs() + WINDOW_MS - now + 999) / 1000));
        }
    }

    public void recordUnknown(String address) {
        long now = clock.millis();
        windows.compute(address, (k, w) -> w == null || now - w.startMs() >= WINDOW_MS ? new Window(now, 1)
                : new Window(w.startMs(), w.count() + 1));
        if (windows.size() > PRUNE_ABOVE) {
            for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
                if (now - it.next().startMs() >= WINDOW_MS) {
                    it.remove();
                }
            }
        }
    }
}
