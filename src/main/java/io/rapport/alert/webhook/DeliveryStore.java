package io.rapport.alert.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.rapport.common.persistence.NativeColumns;

/**
 * The delivery table's state machine. Each method is its own short transaction, so no transaction stays open
 * while the relay waits for a receiver.
 */
@ApplicationScoped
public class DeliveryStore {

    /**
     * Claims due deliveries. A delivery is due when it is pending, its next attempt time has come, nobody
     * holds a live lease on it, and no earlier pending delivery exists for the same pair and endpoint (so
     * per pair, each endpoint sees events in order). Failed deliveries do not block later ones. SKIP LOCKED
     * lets several instances claim at once without taking the same row.
     */
    private static final String CLAIM = "with due as ("
            + " select c.event_id, c.endpoint_id from webhook_delivery c"
            + " where c.status = 'pending' and c.next_attempt_at <= now()"
            + " and (c.claimed_until is null or c.claimed_until < now())"
            + " and not exists (select 1 from webhook_delivery e where e.endpoint_id = c.endpoint_id"
            + " and e.pair_id = c.pair_id and e.status = 'pending' and e.event_seq < c.event_seq)"
            + " order by c.event_seq limit ? for update of c skip locked)"
            + " update webhook_delivery d set claim_token = ?, attempts = d.attempts + 1,"
            + " claimed_until = now() + make_interval(secs => ?)"
            + " from due, outbox o, webhook_endpoint w"
            + " where d.event_id = due.event_id and d.endpoint_id = due.endpoint_id"
            + " and o.id = d.event_id and w.id = d.endpoint_id"
            + " returning d.event_id, d.endpoint_id, d.attempts, o.type, cast(o.data as text) as data,"
            + " o.created_at, w.url, w.secret";

    private final EntityManager em;

    public DeliveryStore(EntityManager em) {
        this.em = em;
    }

    /** A delivery one relay instance may attempt while its lease lasts. */
    public record Claim(UUID eventId, UUID endpointId, UUID token, int attempt, String type, String data,
            Instant eventCreatedAt, String url, String sealedSecret) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claim(int limit, Duration lease) {
        UUID token = UUID.randomUUID();
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery(CLAIM, Tuple.class)
                .setParameter(1, limit).setParameter(2, token).setParameter(3, seconds(lease)));
        return rows.stream().map(r -> new Claim(r.get("event_id", UUID.class), r.get("endpoint_id", UUID.class), token,
                NativeColumns.number(r, "attempts").intValue(), r.get("type", String.class),
                r.get("data", String.class), NativeColumns.instant(r, "created_at"), r.get("url", String.class),
                r.get("secret", String.class))).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(Claim claim, int statusCode) {
        em.createNativeQuery("update webhook_delivery set status = 'delivered', delivered_at = now(),"
                + " last_status_code = ?, last_error = null, claim_token = null, claimed_until = null"
                + " where event_id = ? and endpoint_id = ? and claim_token = ?")
                .setParameter(1, statusCode).setParameter(2, claim.eventId()).setParameter(3, claim.endpointId())
                .setParameter(4, claim.token())
                .executeUpdate();
    }

    /**
     * Schedules the next attempt, or marks the delivery failed for good when that attempt would fall outside
     * the retry window counted from the delivery's creation.
     *
     * @return whether the delivery has failed for good
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean attemptFailed(Claim claim, Integer statusCode, String error, Duration retryIn, Duration window) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object> query = em.createNativeQuery("update webhook_delivery set"
                + " status = case when now() + make_interval(secs => ?) > created_at + make_interval(secs => ?)"
                + " then 'failed' else 'pending' end,"
                + " next_attempt_at = now() + make_interval(secs => ?),"
                + " last_status_code = ?, last_error = ?, claim_token = null, claimed_until = null"
                + " where event_id = ? and endpoint_id = ? and claim_token = ? returning status")
                .unwrap(NativeQuery.class);
        query.setParameter(1, seconds(retryIn)).setParameter(2, seconds(window)).setParameter(3, seconds(retryIn))
                .setParameter(4, statusCode, Integer.class)
                .setParameter(5, error, String.class)
                .setParameter(6, claim.eventId()).setParameter(7, claim.endpointId())
                .setParameter(8, claim.token());
        return query.getResultList().contains("failed");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

}
