package io.rapport.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.rapport.ManualClock;

class LoginThrottleTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-20T10:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(5, 8, Duration.ofMinutes(5), clock);

    @Test
    void shouldBlockAUsernameAfterFiveFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter("10.0.0.1", "dana")).isEmpty();
            throttle.recordFailure("10.0.0.1", "dana");
            clock.now = clock.now.plusSeconds(10);
        }
        assertThat(throttle.retryAfter("10.0.0.2", "dana")).contains(Duration.ofSeconds(250));
        clock.now = clock.now.plusSeconds(250);
        assertThat(throttle.retryAfter("10.0.0.2", "dana")).isEmpty();
    }

    @Test
    void shouldBlockAnAddressTryingManyUsernames() {
        for (int i = 0; i < 8; i++) {
            throttle.recordFailure("10.0.0.9", "user" + i);
        }
        assertThat(throttle.retryAfter("10.0.0.9", "someone-else")).contains(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter("10.0.0.10", "someone-else")).isEmpty();
    }

    @Test
    void shouldForgetAUsernamesFailuresAfterASuccess() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("10.0.0.1", "dana");
        }
        throttle.recordSuccess("dana");
        throttle.recordFailure("10.0.0.1", "dana");
        assertThat(throttle.retryAfter("10.0.0.1", "dana")).isEmpty();
    }

    @Test
    void shouldCountIdentityProviderFailuresAgainstTheAddressTogetherWithPasswordFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("10.0.0.5", "user" + i);
            throttle.recordFailure("10.0.0.5");
        }
        assertThat(throttle.retryAfter("10.0.0.5")).contains(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter("10.0.0.5", "anyone")).contains(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter("10.0.0.6")).isEmpty();
        // An address-only failure names no username, so no username is blocked by it.
        assertThat(throttle.retryAfter("10.0.0.6", "user0")).isEmpty();
    }
}
