package io.rapport.security.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.rapport.common.ratelimit.RateLimiter;
import io.rapport.security.SecurityConfig;

/**
 * Counts failed logins per username and per address, each within a window that starts at its first failure.
 * Kept in memory: one instance sees its own attempts only, which still slows guessing by a factor of the instance
 * count at most.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimiter byUsername;
    private final RateLimiter byAddress;

    @Inject
    public LoginThrottle(SecurityConfig config) {
        this(config.web().maxFailuresPerUsername(), config.web().maxFailuresPerAddress(),
                config.web().failureWindow(), Clock.systemUTC());
    }

    LoginThrottle(int maxPerUsername, int maxPerAddress, Duration window, Clock clock) {
        this.byUsername = RateLimiter.window(maxPerUsername, window, clock);
        this.byAddress = RateLimiter.window(maxPerAddress, window, clock);
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
