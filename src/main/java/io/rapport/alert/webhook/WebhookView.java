package io.rapport.alert.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An endpoint as listed; the signing secret is shown only once, in {@link WebhookCreated}.
 *
 * @param enabled false after {@code disable}: no new deliveries, and pending ones wait
 * @param disabledAt when it was disabled; absent while enabled
 */
public record WebhookView(UUID id, String url, String description, List<String> eventTypes, Instant createdAt,
        boolean enabled, @JsonInclude(JsonInclude.Include.NON_NULL) Instant disabledAt) {

    static WebhookView of(WebhookEndpoint e) {
        return new WebhookView(e.id, e.url, e.description, e.eventTypes == null ? null : List.of(e.eventTypes),
                e.createdAt, e.disabledAt == null, e.disabledAt);
    }
}
