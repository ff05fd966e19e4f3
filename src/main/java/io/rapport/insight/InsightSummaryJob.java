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
     */
    public void catchUp(UUID organizationId) {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> queries.flush(organizationId, config.summaryBatch()));
            total += n;
        } while (n >= config.summaryBatch());
        if (total > config.summaryBatch()) {
            LOG.infof("insight summary: %d pair-months of organization %s recomputed before a read", total,
                    organizationId);
        }
    }
}
