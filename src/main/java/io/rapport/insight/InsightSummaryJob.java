package io.rapport.insight;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the insight summary ({@code insight_pair_month} and the organization's rollups) up to date. Writers only
 * mark the pair-months they touch (database triggers); this recomputes them, in short transactions of their own,
 * before a read and on a schedule. Several instances may run it at once: a flush skips marks another transaction
 * holds, and an organization another flush is working on, and never waits on a lock; a reader retries for a short
 * while.
 */
@ApplicationScoped
public class InsightSummaryJob {

    private static final Logger LOG = Logger.getLogger(InsightSummaryJob.class);
    /** How long a reader retries marks another transaction holds. */
    static final long WAIT_MILLIS = 2000;

    private final InsightQueries queries;
    private final InsightConfig config;

    public InsightSummaryJob(InsightQueries queries, InsightConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @Scheduled(identity = "insight-summary", every = "${rapport.insight.summary-interval:30s}", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> queries.flushAny(config.summaryBatch()));
        } while (n >= config.summaryBatch());
    }

    /**
     * Before the organization's figures are read: recomputes what was marked, in transactions of at most the batch
     * size (a backlog after a bulk import must not run into the transaction timeout), committed before the read.
     * Marks another transaction holds are retried for up to {@link #WAIT_MILLIS}: a writer or the job holding one
     * commits within that, and a flush never waits on a lock, so it cannot deadlock with them.
     */
    public void catchUp(UUID organizationId) {
        int total = 0;
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(() -> queries.flush(organizationId, config.summaryBatch()));
            total += n;
            if (n >= config.summaryBatch()) {
                continue;
            }
            if (!QuarkusTransaction.requiringNew().call(() -> queries.pending(organizationId))) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                LOG.warnf("insight summary of organization %s: marks still held after %d ms; reading without them",
                        organizationId, WAIT_MILLIS);
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (total > config.summaryBatch()) {
            LOG.infof("insight summary: %d pair-months of organization %s recomputed before a read", total,
                    organizationId);
        }
    }
}
