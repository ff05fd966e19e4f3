package io.rapport.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets by key, in memory: each instance limits on its own, so with N instances behind a balancer a
 * caller gets up to N times the rate. That bounds abuse without a shared store.
 */
public final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes one token; returns 0 when allowed, else the seconds until a token is available. */
    public long acquire(String key) {
        return acquire(key, System.nanoTime());
    }

    long acquire(String key, long nowNanos) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos)).take(perSecond, burst, nowNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }
}
