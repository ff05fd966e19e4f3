package io.rapport.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Rapport's one rate limiter: Bucket4j token buckets by key. It serves both kinds of limit: a steady rate with
 * bursts (API keys) and at most N events per window counted from the first (failed logins, unknown links).
 * Buckets live either in this instance's memory, in a bounded Caffeine cache that drops them once they would be
 * full again (so a flood of keys cannot exhaust memory), or in PostgreSQL through {@link SharedBuckets}, where
 * every instance sees the same counts.
 */
public final class RateLimiter {

    /** More keys than this are evicted, least recently used first: a reset count, never a refused caller. */
    private static final long MAX_KEYS = 100_000;

    private final Bandwidth limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;
    /** Set for shared buckets: the store, the prefix that keeps this limiter's keys apart, the bucket's rule. */
    private final ProxyManager<String> shared;
    private final String prefix;
    private final BucketConfiguration configuration;
    private final SharedBuckets store;
    private final Clock clock;

    private RateLimiter(Bandwidth limit, Duration refillsIn, LongSupplier nanoTime) {
        this.limit = limit;
        this.time = nanoTime == null ? TimeMeter.SYSTEM_NANOTIME : new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(refillsIn).build();
        this.shared = null;
        this.prefix = "";
        this.configuration = null;
        this.store = null;
        this.clock = null;
    }

    private RateLimiter(Bandwidth limit, SharedBuckets store, String prefix, Clock clock) {
        this.limit = limit;
        this.time = null;
        this.buckets = null;
        this.shared = store.buckets(clock);
        this.prefix = prefix;
        this.configuration = BucketConfiguration.builder().addLimit(limit).build();
        this.store = store;
        this.clock = clock;
    }

    /** {@code perSecond} sustained, with bursts of up to {@code burst}. */
    public static RateLimiter steady(double perSecond, double burst) {
        return steady(perSecond, burst, null);
    }

    /** As {@link #steady(double, double)}, on the given nanosecond clock (tests). */
    public static RateLimiter steady(double perSecond, double burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a steady limit needs a positive rate and a burst of at least 1");
        }
        // Bucket4j counts whole tokens per period: 0.5/s is 1 token per 2 s, 50/s is 50 tokens per second.
        long tokens = Math.max(1, Math.round(perSecond));
        Duration period = Duration.ofNanos(Math.round(tokens / perSecond * 1e9));
        Bandwidth limit = Bandwidth.builder().capacity((long) burst).refillGreedy(tokens, period).build();
        return new RateLimiter(limit, Duration.ofNanos(Math.round(burst / perSecond * 1e9)).plusSeconds(1),
                nanoTime);
    }

    /** At most {@code max} per {@code window}; the window starts with the key's first event. */
    public static RateLimiter window(int max, Duration window) {
        return window(max, window, (LongSupplier) null);
    }

    /** As {@link #window(int, Duration)}, on the given clock (tests). */
    public static RateLimiter window(int max, Duration window, Clock clock) {
        return window(max, window, () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    /** As {@link #window(int, Duration)}, on the given nanosecond clock (tests). */
    public static RateLimiter window(int max, Duration window, LongSupplier nanoTime) {
        return new RateLimiter(windowLimit(max, window), window, nanoTime);
    }

    /**
     * At most {@code max} per {@code window} across every instance: the buckets are rows of
     * {@code rate_limit_bucket}, keyed by {@code name} and the key.
     */
    public static RateLimiter window(int max, Duration window, SharedBuckets store, String name, Clock clock) {
        return new RateLimiter(windowLimit(max, window), store, name + ":", clock);
    }

    private static Bandwidth windowLimit(int max, Duration window) {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window limit needs at least 1 event in a positive window");
        }
        return Bandwidth.builder().capacity(max).refillIntervally(max, window).build();
    }

    /** Takes one token: empty when allowed, else how long until one is available (nothing is taken then). */
    public Optional<Duration> take(String key) {
        ConsumptionProbe probe = outside(() -> bucket(key).tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until a token is available, or empty when one is; takes nothing. */
    public Optional<Duration> waitFor(String key) {
        if (shared != null) {
            return store.waitFor(prefix + key, clock);
        }
        // Looking must not create a cache entry per visitor.
        return Optional.ofNullable(buckets.getIfPresent(key)).map(bucket -> bucket.estimateAbilityToConsume(1))
                .filter(probe -> !probe.canBeConsumed())
                .map(probe -> Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Counts one event against the key (a failure), whether or not the key is over its limit. */
    public void count(String key) {
        outside(() -> bucket(key).tryConsume(1));
    }

    /** Forgets the key's events, as after a successful login. */
    public void forget(String key) {
        if (shared == null) {
            buckets.invalidate(key);
        } else {
            outside(() -> {
                shared.removeProxy(prefix + key);
                return null;
            });
        }
    }

    /** Whole seconds for a Retry-After header: rounded up, at least 1. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket bucket(String key) {
        if (shared != null) {
            return shared.builder().build(prefix + key, () -> configuration);
        }
        return buckets.get(key, k -> Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build());
    }

    /** Shared buckets commit on their own connection, never inside the caller's transaction. */
    private <T> T outside(Supplier<T> work) {
        return shared == null ? work.get() : SharedBuckets.outsideTransaction(work);
    }
}
