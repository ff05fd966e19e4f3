package io.rapport.alert.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
     * per pair, each endpoint sees events in order). Failed deliveries do not block later ones, and a disabled
     * endpoint's deliveries wait until it is enabled again. SKIP LOCKED
     * lets several instances claim at once without taking the same row.
     */
    private static final String CLAIM = "with due as ("
            + " select c.event_id, c.endpoint_id from webhook_delivery c"
            + " join webhook_endpoint x on x.id = c.endpoint_id and x.disabled_at is null"
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

    private static final String VIEW = "select d.event_id, o.type, d.status, d.attempts, d.last_status_code,"
            + " d.last_error, d.next_attempt_at, d.created_at, d.delivered_at"
            + " from webhook_delivery d join outbox o on o.id = d.event_id"
            + " where d.organization_id = :org and d.endpoint_id = :endpoint";

    /** The endpoint's deliveries, newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WebhookDeliveryView> recent(UUID organizationId, UUID endpointId, int offset, int limit) {
        return NativeColumns.tuples(em.createNativeQuery(VIEW + " order by d.created_at desc, d.event_seq desc",
                Tuple.class).setParameter("org", organizationId).setParameter("endpoint", endpointId)
                .setFirstResult(offset).setMaxResults(limit)).stream().map(DeliveryStore::view).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long count(UUID organizationId, UUID endpointId) {
        return ((Number) em.createNativeQuery("select count(*) from webhook_delivery"
                + " where organization_id = :org and endpoint_id = :endpoint")
                .setParameter("org", organizationId).setParameter("endpoint", endpointId).getSingleResult())
                .longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WebhookDeliveryView> find(UUID organizationId, UUID endpointId, UUID eventId) {
        return NativeColumns.tuples(em.createNativeQuery(VIEW + " and d.event_id = :event", Tuple.class)
                .setParameter("org", organizationId).setParameter("endpoint", endpointId)
                .setParameter("event", eventId)).stream().findFirst().map(DeliveryStore::view);
    }

    /**
     * Makes a delivery that failed for good pending again, due now, for one new attempt (the retry window, counted
     * from its creation, has run out). Only from failed and only to an enabled endpoint, in one statement: of two
     * concurrent calls the second waits for the first's row lock, then finds it pending and changes nothing.
     *
     * @return whether the delivery was failed and is now pending
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean redeliver(UUID organizationId, UUID endpointId, UUID eventId) {
        return em.createNativeQuery("update webhook_delivery d set status = 'pending', next_attempt_at = now(),"
                + " claim_token = null, claimed_until = null"
                + " where d.organization_id = :org and d.endpoint_id = :endpoint and d.event_id = :event"
                + " and d.status = 'failed' and exists (select 1 from webhook_endpoint w"
                + " where w.id = d.endpoint_id and w.disabled_at is null)")
                .setParameter("org", organizationId).setParameter("endpoint", endpointId)
                .setParameter("event", eventId).executeUpdate() == 1;
    }

    private static WebhookDeliveryView view(Tuple r) {
        String status = r.get("status", String.class);
        Long code = NativeColumns.number(r, "last_status_code");
        return new WebhookDeliveryView(r.get("event_id", UUID.class), r.get("type", String.class), status,
                NativeColumns.number(r, "attempts").intValue(), code == null ? null : code.intValue(),
                r.get("last_error", String.class),
                WebhookDeliveryView.PENDING.equals(status) ? NativeColumns.instant(r, "next_attempt_at") : null,
                NativeColumns.instant(r, "created_at"), NativeColumns.instant(r, "delivered_at"));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

}
