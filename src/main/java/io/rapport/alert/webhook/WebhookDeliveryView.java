package io.rapport.alert.webhook;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One delivery of an event to an endpoint.
 *
 * @param id the event id, which the receiver saw as {@code webhook-id}
 * @param status pending, delivered, or failed (for good: the retry window ran out; it can be redelivered)
 * @param attempts attempts made so far, redeliveries included
 * @param lastStatusCode the receiver's HTTP status at the last attempt; null when it gave none
 * @param nextAttemptAt when the relay tries next; only while pending
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeliveryView(UUID id, String eventType, String status, int attempts, Integer lastStatusCode,
        String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
