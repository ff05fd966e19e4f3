package io.rapport.delivery;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.tenancy.PairLocks;

/**
 * Marks open assignments past their expiry as expired, one pair per transaction, and tells the pair's observers
 * ({@link AssignmentsExpired}: no-response and unrepaired alerts) in the same transaction. The status update is
 * conditional, so instances running the scan at the same time never both expire the same assignment.
 */
@ApplicationScoped
public class AssignmentExpiry {

    private static final Logger LOG = Logger.getLogger(AssignmentExpiry.class);

    /** Sessions with open assignments past their expiry (index {@code assignment_open_expiry_idx}). */
    static final String DUE = "select distinct organization_id, session_id from assignment"
            + " where status = 'open' and expires_at <= now()";

    private final EntityManager em;
    private final SessionDirectory sessions;
    private final PairLocks pairs;
    private final Event<AssignmentsExpired> expired;
    private final DeliveryConfig config;

    public AssignmentExpiry(EntityManager em, SessionDirectory sessions, PairLocks pairs,
            Event<AssignmentsExpired> expired, DeliveryConfig config) {
        this.em = em;
        this.sessions = sessions;
        this.pairs = pairs;
        this.expired = expired;
        this.config = config;
    }

    /** One pair's sessions with assignments to expire, with their session numbers. */
    private record DuePair(UUID organizationId, UUID pairId, Map<UUID, Integer> numbers) {
    }

    @Scheduled(identity = "assignment-expiry", every = "${rapport.delivery.expiry-scan-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int pairCount = expireDue();
        if (pairCount > 0) {
            LOG.debugf("Expired assignments of %d pairs", pairCount);
        }
    }

    /** Returns how many pairs had assignments expired. */
    public int expireDue() {
        List<DuePair> due = QuarkusTransaction.requiringNew().call(this::due);
        int changed = 0;
        for (DuePair pair : due) {
            if (QuarkusTransaction.requiringNew().call(() -> expire(pair))) {
                changed++;
            }
        }
        return changed;
    }

    /** Up to {@code expiry-batch-size} sessions, grouped by pair through care's session directory. */
    private List<DuePair> due() {
        Map<List<UUID>, DuePair> byPair = new LinkedHashMap<>();
        for (Tuple row : NativeColumns.tuples(em.createNativeQuery(DUE, Tuple.class)
                .setMaxResults(config.expiryBatchSize()))) {
            UUID organizationId = row.get("organization_id", UUID.class);
            UUID sessionId = row.get("session_id", UUID.class);
            SessionDirectory.SessionRef session = sessions.session(organizationId, sessionId);
            byPair.computeIfAbsent(List.of(organizationId, session.pairId()),
                    k -> new DuePair(organizationId, session.pairId(), new HashMap<>())).numbers()
                    .put(sessionId, session.sessionNumber());
        }
        return List.copyOf(byPair.values());
    }

    private boolean expire(DuePair due) {
        pairs.lockForEvents(due.organizationId(), due.pairId());
        List<?> expiredSessions = em.createNativeQuery("update assignment set status = 'expired'"
                + " where organization_id = :org and status = 'open' and expires_at <= now()"
                + " and session_id in (:sessions) returning session_id")
                .setParameter("org", due.organizationId()).setParameter("sessions", due.numbers().keySet())
                .getResultList();
        // What an expiry can change (no-response, an unrepaired window closing) starts at the earliest expired one.
        expiredSessions.stream().mapToInt(id -> due.numbers().get((UUID) id)).min()
                .ifPresent(from -> expired.fire(new AssignmentsExpired(due.organizationId(), due.pairId(), from)));
        return !expiredSessions.isEmpty();
    }
}
