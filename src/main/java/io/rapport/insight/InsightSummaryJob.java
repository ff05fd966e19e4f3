package io.rapport.insight;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the insight summary ({@code insight_pair_month}) up to date. Writers only mark the pair-months they touch
 * (database triggers); this recomputes them, in short transactions of their own, before a read and on a schedule.
 * Several instances may run it at once: the job skips marks another transaction holds, a reader waits for them.
 */
@ApplicationScoped
public class InsightSummaryJob {

    private static final Logger LOG = Logger.getLogger(InsightSummaryJob.class);
    /** A reader's catch-up has no practical limit: what it reads must be current. */
    private static final int READER_LIMIT = Integer.MAX_VALUE;

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

    /** Before the organization's figures are read: recomputes what was marked, committed before the read starts. */
    public void catchUp(UUID organizationId) {
        int n = QuarkusTransaction.requiringNew().call(() -> queries.flush(organizationId, READER_LIMIT));
        if (n > 1000) {
            LOG.debugf("insight summary: %d pair-months of organization %s recomputed before a read", n, organizationId);
        }
    }
}
