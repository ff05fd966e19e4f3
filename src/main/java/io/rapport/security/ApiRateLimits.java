package io.rapport.security;

import jakarta.enterprise.context.ApplicationScoped;

/** The per-key limiter, created at run time from configuration (filters are built before config is read). */
@ApplicationScoped
public class ApiRateLimits {

    private final RateLimiter limiter;

    public ApiRateLimits(SecurityConfig config) {
        this.limiter = new RateLimiter(config.apiRequestsPerSecond(), config.apiBurst());
    }

    public long acquire(String key) {
        return limiter.acquire(key);
    }
}
