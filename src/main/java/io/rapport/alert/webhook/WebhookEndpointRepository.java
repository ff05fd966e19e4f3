package io.rapport.alert.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class WebhookEndpointRepository implements OrganizationScoped<WebhookEndpoint> {
}
