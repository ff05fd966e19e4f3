package io.rapport.alert.webhook;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * A new endpoint.
 *
 * @param eventTypes the event types to receive; leave it out for every type
 */
public record WebhookRequest(String url, @Size(max = 500) String description, List<String> eventTypes) {
}
