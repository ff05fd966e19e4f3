package io.rapport.alert.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.rapport.alert.AlertConfig;
import io.rapport.alert.EventTypes;
import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.common.web.Page;

/** Manages an organization's webhook endpoints. */
@ApplicationScoped
public class WebhookService {

    private final WebhookEndpointRepository endpoints;
    private final SecretCipher cipher;
    private final WebhookUrlValidator urls;

    public WebhookService(WebhookEndpointRepository endpoints, SecretCipher cipher, AlertConfig config) {
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.urls = new WebhookUrlValidator(config.webhooks().allowPrivateAddresses());
    }

    @Transactional
    public WebhookCreated create(UUID organizationId, WebhookRequest request) {
        urls.check(request.url());
        List<String> types = eventTypes(request.eventTypes());
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.organizationId = organizationId;
        e.url = request.url();
        e.description = request.description();
        e.eventTypes = types == null ? null : types.toArray(String[]::new);
        e.secret = cipher.seal(e.id, secret);
        e.createdAt = Instant.now();
        endpoints.persist(e);
        return new WebhookCreated(e.id, e.url, e.description, types, e.createdAt, secret);
    }

    @Transactional
    public Page<WebhookView> list(UUID organizationId, Page.Request paging) {
        PanacheQuery<WebhookEndpoint> found = endpoints
                .queryInOrganization(organizationId, Sort.by("createdAt").and("id"))
                .page(paging.page(), paging.size());
        return new Page<>(found.list().stream().map(WebhookView::of).toList(), paging.page(), paging.size(),
                found.count());
    }

    @Transactional
    public WebhookView get(UUID organizationId, UUID id) {
        return WebhookView.of(find(organizationId, id));
    }

    /** Pending deliveries to the endpoint go with it. */
    @Transactional
    public void delete(UUID organizationId, UUID id) {
        endpoints.delete(find(organizationId, id));
    }

    private WebhookEndpoint find(UUID organizationId, UUID id) {
        return endpoints.findInOrganization(organizationId, id)
                .orElseThrow(() -> ApiException.notFound("Webhook endpoint"));
    }

    private static List<String> eventTypes(List<String> requested) {
        if (requested == null) {
            return null;
        }
        if (requested.isEmpty()) {
            throw ApiException.unprocessable("eventTypes", "must not be empty; leave it out to receive every type");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type != null && EventTypes.isKnown(type)) {
                types.add(type);
            } else {
                errors.add(new FieldError("eventTypes[" + i + "]", "must be one of " + EventTypes.ALL));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, "unprocessable", "Unprocessable Content",
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return List.copyOf(types);
    }
}
