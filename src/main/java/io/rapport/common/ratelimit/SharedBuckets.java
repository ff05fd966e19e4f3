package io.rapport.common.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.serialization.InternalSerializationHelper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Token buckets that every instance shares, as rows of {@code rate_limit_bucket} read and written under
 * {@code SELECT ... FOR UPDATE} by Bucket4j's PostgreSQL proxy. For limits against brute force (logins, link
 * guessing), which must hold however many instances a balancer spreads the attempts over. A check that takes
 * nothing reads the row without a lock ({@link #waitFor}).
 */
@ApplicationScoped
public class SharedBuckets {

    /** A bucket row outlives the moment its bucket is full again by this much, then is purged. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);
    private static final int PURGE_BATCH = 1000;
    private static final String READ = "SELECT state FROM rate_limit_bucket WHERE id = ?";

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

    /**
     * How long until bucket {@code id} has a token, or empty when it has one or does not exist; takes nothing. A
     * plain read in the caller's transaction (or none): Bucket4j's own estimate locks the row for update in a
     * transaction of its own, so every submission from one address (a clinic behind one NAT, the benchmark) queued
     * on that row and held a second pooled connection meanwhile. A failure being counted at this very moment is
     * seen by the next check, not this one (the locking estimate waited for it). Checks and counts were separate
     * steps with or without the lock, so requests in flight together could always pass one check each.
     */
    Optional<Duration> waitFor(String id, Clock clock) {
        byte[] stored;
        try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(READ)) {
            read.setString(1, id);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                stored = rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read rate-limit bucket " + id, e);
        }
        RemoteBucketState state = InternalSerializationHelper.deserializeState(stored);
        long now = nanos(clock);
        // As Bucket4j's EstimateAbilityToConsumeCommand computes it, on a copy that is never written back.
        state.refillAllBandwidth(now);
        if (state.getAvailableTokens() >= 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(state.calculateDelayNanosAfterWillBePossibleToConsume(1, now, false)));
    }

    private static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
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
                        return nanos(clock);
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }
}
