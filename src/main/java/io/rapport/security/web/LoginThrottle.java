package io.rapport.security.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.rapport.common.ratelimit.RateLimiter;
import io.rapport.common.ratelimit.SharedBuckets;
import io.rapport.security.SecurityConfig;

/**
 * Counts failed logins per username and per address, each within a window that starts at its first failure.
 * Kept in PostgreSQL, so the limits hold across every instance behind a load balancer.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimiter byUsername;
    private final RateLimiter byAddress;

    @Inject
    public LoginThrottle(SecurityConfig config, SharedBuckets shared) {
        this(RateLimiter.window(config.web().maxFailuresPerUsername(), config.web().failureWindow(), shared,
                "login-username", Clock.systemUTC()),
                RateLimiter.window(config.web().maxFailuresPerAddress(), config.web().failureWindow(), shared,
                        "login-address", Clock.systemUTC()));
    }

    /** In this process's memory only, on the given clock (unit tests). */
    LoginThrottle(int maxPerUsername, int maxPerAddress, Duration window, Clock clock) {
        this(RateLimiter.window(maxPerUsername, window, clock), RateLimiter.window(maxPerAddress, window, clock));
    }

    private LoginThrottle(RateLimiter byUsername, RateLimiter byAddress) {
        this.byUsername = byUsername;
        this.byAddress = byAddress;
    }

    /** How long to wait before the next attempt, if this username or address has failed too often. */
    public Optional<Duration> retryAfter(String address, String username) {
        Optional<Duration> byUser = byUsername.waitFor(username);
        Optional<Duration> byAddr = byAddress.waitFor(address);
        if (byUser.isPresent() && byAddr.isPresent()) {
            return Optional.of(byUser.get().compareTo(byAddr.get()) > 0 ? byUser.get() : byAddr.get());
        }
        return byUser.isPresent() ? byUser : byAddr;
    }

    /** How long this address must wait, for sign-ins that name no username (an identity provider's callback). */
    public Optional<Duration> retryAfter(String address) {
        return byAddress.waitFor(address);
    }

    public void recordFailure(String address, String username) {
        byUsername.count(username);
        byAddress.count(address);
    }

    /** A refused sign-in that named no username counts against its address only. */
    public void recordFailure(String address) {
        byAddress.count(address);
    }

    /** A correct password clears the username's count; the address keeps its own. */
    public void recordSuccess(String username) {
        byUsername.forget(username);
    }
}
