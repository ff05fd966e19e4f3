package io.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenAskToWait() {
        RateLimiter limiter = new RateLimiter(1, 3);
        assertThat(limiter.acquire("k", 0)).isZero();
        assertThat(limiter.acquire("k", 0)).isZero();
        assertThat(limiter.acquire("k", 0)).isZero();
        assertThat(limiter.acquire("k", 0)).isEqualTo(1);
    }

    @Test
    void shouldRefillAtTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(2, 1);
        assertThat(limiter.acquire("k", 0)).isZero();
        assertThat(limiter.acquire("k", SECOND / 4)).isEqualTo(1);
        assertThat(limiter.acquire("k", SECOND / 2 + SECOND / 4)).isZero();
    }

    @Test
    void shouldKeepKeysApart() {
        RateLimiter limiter = new RateLimiter(1, 1);
        assertThat(limiter.acquire("a", 0)).isZero();
        assertThat(limiter.acquire("b", 0)).isZero();
        assertThat(limiter.acquire("a", 0)).isPositive();
    }
}
