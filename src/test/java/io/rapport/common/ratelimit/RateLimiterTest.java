package io.rapport.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    final AtomicLong now = new AtomicLong();

    @Test
    void shouldAllowTheBurstThenAskToWait() {
        RateLimiter limiter = RateLimiter.steady(1, 3, now::get);
        assertThat(limiter.take("k")).isEmpty();
        assertThat(limiter.take("k")).isEmpty();
        assertThat(limiter.take("k")).isEmpty();
        assertThat(limiter.take("k").map(RateLimiter::seconds)).contains(1L);
    }

    @Test
    void shouldRefillAtTheSustainedRate() {
        RateLimiter limiter = RateLimiter.steady(2, 1, now::get);
        assertThat(limiter.take("k")).isEmpty();
        now.set(SECOND / 4);
        assertThat(limiter.take("k")).contains(Duration.ofMillis(250));
        now.set(SECOND / 2 + SECOND / 4);
        assertThat(limiter.take("k")).isEmpty();
    }

    @Test
    void shouldAllowAFractionalRate() {
        RateLimiter limiter = RateLimiter.steady(0.5, 1, now::get);
        assertThat(limiter.take("k")).isEmpty();
        assertThat(limiter.take("k").map(RateLimiter::seconds)).contains(2L);
    }

    @Test
    void shouldKeepKeysApart() {
        RateLimiter limiter = RateLimiter.steady(1, 1, now::get);
        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("b")).isEmpty();
        assertThat(limiter.take("a")).isPresent();
    }

    @Test
    void shouldCountEventsInAWindowThatStartsWithTheFirst() {
        RateLimiter limiter = RateLimiter.window(2, Duration.ofSeconds(60), now::get);
        assertThat(limiter.waitFor("a")).isEmpty();
        limiter.count("a");
        now.set(10 * SECOND);
        limiter.count("a");
        limiter.count("a");
        assertThat(limiter.waitFor("a")).contains(Duration.ofSeconds(50));
        assertThat(limiter.waitFor("b")).isEmpty();
        now.set(60 * SECOND);
        assertThat(limiter.waitFor("a")).isEmpty();
    }

    @Test
    void shouldForgetAKey() {
        RateLimiter limiter = RateLimiter.window(1, Duration.ofSeconds(60), now::get);
        limiter.count("a");
        assertThat(limiter.waitFor("a")).isPresent();
        limiter.forget("a");
        assertThat(limiter.waitFor("a")).isEqualTo(Optional.empty());
    }

    @Test
    void shouldRoundRetryAfterUpToWholeSeconds() {
        assertThat(RateLimiter.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimiter.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RateLimiter.seconds(Duration.ZERO)).isEqualTo(1);
    }
}
