package io.rapport.alert.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint as listed; the signing secret is shown only once, in {@link WebhookCreated}. */
public record WebhookView(UUID id, String url, String description, List<String> eventTypes, Instant createdAt) {

    static WebhookView of(WebhookEndpoint e) {
        return new WebhookView(e.id, e.url, e.description, e.eventTypes == null ? null : List.of(e.eventTypes),
                e.createdAt);
    }
}
