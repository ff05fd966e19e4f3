package io.rapport.alert.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The new endpoint with its signing secret ({@code whsec_...}), which is never shown again. */
public record WebhookCreated(UUID id, String url, String description, List<String> eventTypes, Instant createdAt,
        String secret) {
}
