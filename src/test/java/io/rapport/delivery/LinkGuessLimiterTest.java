package io.rapport.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.rapport.ManualClock;
import io.rapport.common.error.ApiException;

class LinkGuessLimiterTest {

    @Test
    void shouldBlockAnAddressAfterTheLimitUntilTheMinuteEnds() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-20T15:00:00Z"));
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
