package io.rapport.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.ManualClock;

/**
 * Shared buckets as two instances would use them: two limiters built separately, like those of two processes,
 * on one database. What one counts, the other refuses.
 */
@QuarkusTest
class SharedBucketsTest {

    @Inject
    SharedBuckets store;

    @Inject
    DataSource dataSource;

    @Test
    void shouldHoldOneLimitAcrossTwoLimitersOnTheSameDatabase() {
        String name = "test-" + UUID.randomUUID();
        RateLimiter first = RateLimiter.window(3, Duration.ofMinutes(1), store, name, Clock.systemUTC());
        RateLimiter second = RateLimiter.window(3, Duration.ofMinutes(1), store, name, Clock.systemUTC());
        first.count("10.0.0.1");
        second.count("10.0.0.1");
        assertThat(first.waitFor("10.0.0.1")).isEmpty();
        first.count("10.0.0.1");
        assertThat(second.waitFor("10.0.0.1")).hasValueSatisfying(
                wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(second.take("10.0.0.1")).isPresent();
        // Another key, and another limiter's name, are counted apart.
        assertThat(second.waitFor("10.0.0.2")).isEmpty();
        assertThat(RateLimiter.window(3, Duration.ofMinutes(1), store, name + "-other", Clock.systemUTC())
                .waitFor("10.0.0.1")).isEmpty();
        second.forget("10.0.0.1");
        assertThat(first.waitFor("10.0.0.1")).isEmpty();
    }

    @Test
    void shouldCountInsideACallersTransactionThatRollsBack() {
        String name = "test-" + UUID.randomUUID();
        RateLimiter limiter = RateLimiter.window(1, Duration.ofMinutes(1), store, name, Clock.systemUTC());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                limiter.count("user");
                throw new IllegalStateException("the login failed and its transaction rolls back");
            });
        } catch (IllegalStateException expected) {
            // The failure still counts: the bucket committed on its own.
        }
        assertThat(limiter.waitFor("user")).isPresent();
    }

    @Test
    void shouldRefillWhenTheWindowIsOverOnTheWallClock() {
        String name = "test-" + UUID.randomUUID();
        Instant start = Instant.now();
        ManualClock clock = new ManualClock(start);
        RateLimiter limiter = RateLimiter.window(1, Duration.ofMinutes(1), store, name, clock);
        limiter.count("user");
        assertThat(limiter.waitFor("user")).isPresent();
        clock.now = start.plus(Duration.ofMinutes(1)).plusSeconds(1);
        assertThat(limiter.waitFor("user")).isEmpty();
    }

    @Test
    void shouldCheckWithoutWaitingForATransactionThatHoldsTheBucket() throws Exception {
        String name = "test-" + UUID.randomUUID();
        RateLimiter limiter = RateLimiter.window(1, Duration.ofMinutes(1), store, name, Clock.systemUTC());
        limiter.count("10.0.0.9");
        // Another instance in the middle of counting: its transaction holds the row for update.
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var lock = c.prepareStatement("SELECT state FROM rate_limit_bucket WHERE id = ? FOR UPDATE")) {
                lock.setString(1, name + ":10.0.0.9");
                assertThat(lock.executeQuery().next()).isTrue();
            }
            var check = CompletableFuture.supplyAsync(() -> limiter.waitFor("10.0.0.9"));
            // Bucket4j's locking estimate waited here until the other transaction ended.
            assertThat(check.get(10, TimeUnit.SECONDS)).hasValueSatisfying(wait -> assertThat(wait).isPositive());
            c.rollback();
        }
    }
}
