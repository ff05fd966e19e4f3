package io.rapport.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Token buckets that every instance shares, as rows of {@code rate_limit_bucket} read and written under
 * {@code SELECT ... FOR UPDATE} by Bucket4j's PostgreSQL proxy. For limits against brute force (logins, link
 * guessing), which must hold however many instances a balancer spreads the attempts over.
 */
@ApplicationScoped
public class SharedBuckets {

    /** A bucket row outlives the moment its bucket is full again by this much, then is purged. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);
    private static final int PURGE_BATCH = 1000;

    private final DataSource dataSource;

    public SharedBuckets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes the rows of buckets that have been full again for a while; a bucket is recreated when needed. */
    @Scheduled(identity = "rate-limit-purge", every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        PostgreSQLSelectForUpdateBasedProxyManager<String> manager = buckets(Clock.systemUTC());
        while (outsideTransaction(() -> manager.removeExpired(PURGE_BATCH)) == PURGE_BATCH) {
            // Another full batch may be waiting.
        }
    }

    static <T> T outsideTransaction(Supplier<T> work) {
        return QuarkusTransaction.suspendingExisting().call(work::get);
    }

    /** The buckets on {@code clock}, which must be a wall clock: instances compare its readings. */
    PostgreSQLSelectForUpdateBasedProxyManager<String> buckets(Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        KEEP_AFTER_REFILL))
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        Instant now = clock.instant();
                        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }
}
