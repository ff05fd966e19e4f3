package io.rapport.alert;

import java.util.UUID;

/**
 * Whoever delivers outbox events onward: the webhook feature implements this and queues one delivery per
 * subscribed endpoint, in the transaction that wrote the event, so an event and its deliveries commit together.
 */
public interface EventSubscribers {

    /** Queues the event for every endpoint of the organization subscribed to its type. */
    void fanOut(UUID organizationId, UUID pairId, UUID eventId, long eventSeq, String type);

    /**
     * Queues a test event for one subscriber of the organization only.
     *
     * @return whether the organization has that subscriber, enabled
     */
    boolean deliverTo(UUID organizationId, UUID subscriberId, UUID eventId, long eventSeq, String type);
}
