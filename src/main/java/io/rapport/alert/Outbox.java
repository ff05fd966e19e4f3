package io.rapport.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.tenancy.PairLocks;

/**
 * Records events in the caller's transaction, so an event commits exactly when the data that caused it does.
 * The webhook relay delivers them later.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final PairLocks pairs;
    private final EventSubscribers subscribers;

    public Outbox(EntityManager em, ObjectMapper json, PairLocks pairs, EventSubscribers subscribers) {
        this.em = em;
        this.json = json;
        this.pairs = pairs;
        this.subscribers = subscribers;
    }

    /**
     * Adds an event for a pair and one delivery per webhook endpoint of the organization that subscribes to
     * its type. Endpoints created later do not receive it.
     *
     * @param type one of {@link EventTypes#ALL}
     * @param data thin payload: ids, types and session numbers, never answers or scores; {@code pairId} is
     *        added
     * @return the event id, which receivers see as {@code webhook-id}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(UUID organizationId, UUID pairId, String type, Map<String, Object> data) {
        if (!EventTypes.isKnown(type) || EventTypes.TEST.equals(type)) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        lockPair(organizationId, pairId);
        Map<String, Object> payload = new LinkedHashMap<>(data);
        payload.put("pairId", pairId);
        UUID id = UUID.randomUUID();
        long seq = insert(id, organizationId, pairId, type, payload);
        subscribers.fanOut(organizationId, pairId, id, seq, type);
        return id;
    }

    /**
     * Adds a test event ({@link EventTypes#TEST}) and its one delivery, to the given subscriber, which the relay
     * then signs and sends like any other event.
     *
     * @return the event id, or empty when the organization has no such enabled subscriber (nothing is written)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> enqueueTest(UUID organizationId, UUID subscriberId, Map<String, Object> data) {
        UUID id = UUID.randomUUID();
        long seq = insert(id, organizationId, null, EventTypes.TEST, data);
        if (!subscribers.deliverTo(organizationId, subscriberId, id, seq, EventTypes.TEST)) {
            em.createNativeQuery("delete from outbox where id = ?").setParameter(1, id).executeUpdate();
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private long insert(UUID id, UUID organizationId, UUID pairId, String type, Map<String, Object> payload) {
        @SuppressWarnings("unchecked")
        NativeQuery<Number> insert = em.createNativeQuery(
                "insert into outbox (id, organization_id, pair_id, type, data) values (?, ?, ?, ?, cast(? as jsonb))"
                        + " returning seq")
                .unwrap(NativeQuery.class);
        // Typed, because a test event's pair is null.
        insert.setParameter(1, id).setParameter(2, organizationId).setParameter(3, pairId, UUID.class)
                .setParameter(4, type).setParameter(5, toJson(payload));
        return insert.getSingleResult().longValue();
    }

    /**
     * Locks the pair until the transaction ends. Per pair this makes commit order follow seq order, which the
     * relay delivers in; taking it first in every writer of a pair's alerts and events avoids deadlocks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPair(UUID organizationId, UUID pairId) {
        if (!pairs.lockForEvents(organizationId, pairId)) {
            throw new IllegalArgumentException("Pair " + pairId + " is not in organization " + organizationId);
        }
    }

    private String toJson(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data must be serializable to JSON", e);
        }
    }
}
