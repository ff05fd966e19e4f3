package io.rapport.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.rapport.common.error.ApiException;

class LinkGuessLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-20T15:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldBlockAnAddressAfterTheLimitUntilTheMinuteEnds() {
        ManualClock clock = new ManualClock();
        LinkGuessLimiter limiter = new LinkGuessLimiter(3, clock);
        for (int i = 0; i < 3; i++) {
            limiter.check("a");
            limiter.recordUnknown("a");
        }
        clock.now = clock.now.plus(Duration.ofSeconds(20));
        assertThatThrownBy(() -> limiter.check("a")).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isEqualTo(40);
                });
        limiter.check("b");
        clock.now = clock.now.plus(Duration.ofSeconds(40));
        limiter.check("a");
    }
}
