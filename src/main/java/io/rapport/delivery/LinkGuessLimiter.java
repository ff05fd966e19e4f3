package io.rapport.delivery;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.rapport.common.error.ApiException;
import io.rapport.common.ratelimit.RateLimiter;
import io.rapport.common.ratelimit.SharedBuckets;

/**
 * Slows down link-token guessing: after too many unknown tokens from one client address within a minute, every
 * link request from it gets 429 until the minute is over. The counts live in PostgreSQL, so the limit holds across
 * every instance behind a load balancer. Behind a proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's, not the proxy's.
 */
@ApplicationScoped
public class LinkGuessLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiter unknownLinks;

    @Inject
    public LinkGuessLimiter(DeliveryConfig config, SharedBuckets shared) {
        this.unknownLinks = RateLimiter.window(config.unknownLinkAttemptsPerMinute(), WINDOW, shared,
                "unknown-link", Clock.systemUTC());
    }

    /** In this process's memory only, on the given clock (unit tests). */
    LinkGuessLimiter(int limit, Clock clock) {
        this.unknownLinks = RateLimiter.window(limit, WINDOW, clock);
    }

    /** @throws ApiException 429 with Retry-After when {@code address} used up its unknown-token attempts this minute */
    public void check(String address) {
        unknownLinks.waitFor(address).ifPresent(wait -> {
            long seconds = RateLimiter.seconds(wait);
            throw ApiException.tooManyRequests(
                    "Too many unknown links from this address; retry after " + seconds + " seconds", seconds);
        });
    }

    public void recordUnknown(String address) {
        unknownLinks.count(address);
    }
}
