package io.rapport.alert.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.rapport.alert.EventSubscribers;

/** Queues a delivery of each new outbox event to every enabled endpoint subscribed to its type. */
@ApplicationScoped
public class WebhookFanOut implements EventSubscribers {

    private final EntityManager em;

    public WebhookFanOut(EntityManager em) {
        this.em = em;
    }

    @Override
    public void fanOut(UUID organizationId, UUID pairId, UUID eventId, long eventSeq, String type) {
        em.createNativeQuery("insert into webhook_delivery (event_id, endpoint_id, organization_id, pair_id, event_seq)"
                + " select :event, w.id, w.organization_id, :pair, :seq from webhook_endpoint w"
                + " where w.organization_id = :org and w.disabled_at is null"
                + " and (w.event_types is null or cast(:type as varchar) = any (w.event_types))")
                .setParameter("event", eventId).setParameter("pair", pairId).setParameter("seq", eventSeq)
                .setParameter("org", organizationId).setParameter("type", type)
                .executeUpdate();
    }

    /** Whatever types the endpoint subscribes to: an admin asked for this event to go there. */
    @Override
    public boolean deliverTo(UUID organizationId, UUID subscriberId, UUID eventId, long eventSeq, String type) {
        return em.createNativeQuery("insert into webhook_delivery (event_id, endpoint_id, organization_id, event_seq)"
                + " select :event, w.id, w.organization_id, :seq from webhook_endpoint w"
                + " where w.organization_id = :org and w.id = :endpoint and w.disabled_at is null")
                .setParameter("event", eventId).setParameter("seq", eventSeq).setParameter("org", organizationId)
                .setParameter("endpoint", subscriberId)
                .executeUpdate() == 1;
    }
}
