package io.rapport.alert;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.common.persistence.NativeColumns;

/**
 * Marks open assignments past their expiry as expired, one pair per transaction, and raises the alerts that
 * follows from it (no-response, unrepaired). The status update is conditional, so instances running the scan at
 * the same time never both expire the same assignment, and alerts are idempotent anyway.
 */
@ApplicationScoped
public class AssignmentExpiry {

    private static final Logger LOG = Logger.getLogger(AssignmentExpiry.class);

    /** Pairs with open assignments past their expiry (index {@code assignment_open_expiry_idx}). */
    static final String DUE = "select distinct s.organization_id, s.pair_id from assignment a"
            + " join session s on s.id = a.session_id where a.status = 'open' and a.expires_at <= now()";

    private final EntityManager em;
    private final Outbox outbox;
    private final TrendAlerts trendAlerts;
    private final AlertConfig config;

    public AssignmentExpiry(EntityManager em, Outbox outbox, TrendAlerts trendAlerts, AlertConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.trendAlerts = trendAlerts;
        this.config = config;
    }

    @Scheduled(identity = "assignment-expiry", every = "${rapport.alert.expiry-scan-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int pairs = expireDue();
        if (pairs > 0) {
            LOG.debugf("Expired assignments of %d pairs", pairs);
        }
    }

    /** Returns how many pairs had assignments expired. */
    public int expireDue() {
        List<Tuple> due = QuarkusTransaction.requiringNew().call(() -> NativeColumns.tuples(
                em.createNativeQuery(DUE, Tuple.class).setMaxResults(config.expiryBatchSize())));
        for (Tuple row : due) {
            UUID organizationId = row.get("organization_id", UUID.class);
            UUID pairId = row.get("pair_id", UUID.class);
            QuarkusTransaction.requiringNew().run(() -> expire(organizationId, pairId));
        }
        return due.size();
    }

    private void expire(UUID organizationId, UUID pairId) {
        outbox.lockPair(organizationId, pairId);
        List<?> expiredSessions = em.createNativeQuery("update assignment a set status = 'expired' from session s"
                + " where a.organization_id = ?1 and a.status = 'open' and a.expires_at <= now()"
                + " and s.organization_id = ?1 and s.id = a.session_id and s.pair_id = ?2 returning s.session_number")
                .setParameter(1, organizationId).setParameter(2, pairId).getResultList();
        // What an expiry can change (no-response, an unrepaired window closing) starts at the earliest expired one.
        expiredSessions.stream().mapToInt(n -> ((Number) n).intValue()).min()
                .ifPresent(from -> trendAlerts.raise(organizationId, pairId, from));
    }
}
