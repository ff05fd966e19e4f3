package io.rapport.security.apikey;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.common.ratelimit.RateLimiter;
import io.rapport.security.SecurityConfig;

/** The per-key limiter, created at run time from configuration (filters are built before config is read). */
@ApplicationScoped
public class ApiRateLimits {

    private final RateLimiter limiter;

    public ApiRateLimits(SecurityConfig config) {
        this.limiter = RateLimiter.steady(config.apiRequestsPerSecond(), config.apiBurst());
    }

    /** Takes one request from the key's allowance: empty when allowed, else how long to wait. */
    public Optional<Duration> acquire(String key) {
        return limiter.take(key);
    }
}
