package io.rapport.alert.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.rapport.alert.AlertConfig;
import io.rapport.alert.EventTypes;
import io.rapport.alert.Outbox;
import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.common.web.Page;

/** Manages an organization's webhook endpoints. */
@ApplicationScoped
public class WebhookService {

    /** Path parameters, as problems name them. */
    public static final String WEBHOOK_ID = "webhookId";
    public static final String DELIVERY_ID = "deliveryId";

    private final WebhookEndpointRepository endpoints;
    private final SecretCipher cipher;
    private final WebhookUrlValidator urls;
    private final Outbox outbox;
    private final DeliveryStore deliveries;

    public WebhookService(WebhookEndpointRepository endpoints, SecretCipher cipher, AlertConfig config, Outbox outbox,
            DeliveryStore deliveries) {
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.urls = new WebhookUrlValidator(config.webhooks().allowPrivateAddresses());
        this.outbox = outbox;
        this.deliveries = deliveries;
    }

    /**
     * What {@link #create} would refuse in the URL and event types, checked without writing anything, for pages,
     * which show each problem next to its field. Bean validation of the request is the caller's.
     */
    public List<FieldError> problems(WebhookRequest request) {
        List<FieldError> found = new ArrayList<>();
        for (Runnable check : List.<Runnable> of(() -> urls.check(request.url()),
                () -> eventTypes(request.eventTypes()))) {
            try {
                check.run();
            } catch (ApiException e) {
                found.addAll(e.errors());
            }
        }
        return found;
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
        return WebhookView.of(endpoint(organizationId, id));
    }

    /** Pending deliveries to the endpoint go with it. */
    @Transactional
    public void delete(UUID organizationId, UUID id) {
        endpoints.delete(endpoint(organizationId, id));
    }

    /** The endpoint, if the organization has it; for pages, which answer a missing one themselves. */
    @Transactional
    public Optional<WebhookView> find(UUID organizationId, UUID id) {
        return endpoints.findInOrganization(organizationId, id).map(WebhookView::of);
    }

    /** One delivery of the organization's endpoint; empty when either is unknown. */
    @Transactional
    public Optional<WebhookDeliveryView> delivery(UUID organizationId, UUID id, UUID deliveryId) {
        return deliveries.find(organizationId, id, deliveryId);
    }

    /**
     * Stops deliveries to the endpoint: events from now on are not queued for it, and its pending deliveries wait
     * until it is enabled again. Disabling a disabled endpoint changes nothing.
     */
    @Transactional
    public WebhookView disable(UUID organizationId, UUID id) {
        WebhookEndpoint e = lock(organizationId, id);
        if (e.disabledAt == null) {
            e.disabledAt = Instant.now();
        }
        return WebhookView.of(e);
    }

    /** Resumes deliveries, pending ones first; events raised while it was disabled are not sent. */
    @Transactional
    public WebhookView enable(UUID organizationId, UUID id) {
        WebhookEndpoint e = lock(organizationId, id);
        e.disabledAt = null;
        return WebhookView.of(e);
    }

    /**
     * Queues a {@link EventTypes#TEST} event through the outbox for this endpoint only, whatever types it
     * subscribes to; the relay signs and sends it like any other event.
     *
     * @throws ApiException 409 when the endpoint is disabled
     */
    @Transactional
    public WebhookDeliveryView sendTest(UUID organizationId, UUID id) {
        WebhookEndpoint e = lock(organizationId, id);
        requireEnabled(e, "send a test event");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhookId", e.id);
        data.put("message", "A test event sent from Rapport by an administrator");
        UUID eventId = outbox.enqueueTest(organizationId, e.id, data)
                .orElseThrow(() -> new IllegalStateException("Endpoint " + e.id + " vanished while locked"));
        return deliveries.find(organizationId, e.id, eventId).orElseThrow();
    }

    /** The endpoint's deliveries, newest first. */
    @Transactional
    public Page<WebhookDeliveryView> deliveries(UUID organizationId, UUID id, Page.Request paging) {
        endpoint(organizationId, id);
        return new Page<>(deliveries.recent(organizationId, id, paging.offset(), paging.size()), paging.page(),
                paging.size(), deliveries.count(organizationId, id));
    }

    /**
     * Sends a delivery that failed for good once more. Repeating the call while that attempt is pending, or after it
     * succeeded, is refused, so a double click makes one new attempt.
     *
     * @throws ApiException 404 for an unknown endpoint or delivery; 409 when the endpoint is disabled or the
     *         delivery has not failed for good
     */
    @Transactional
    public WebhookDeliveryView redeliver(UUID organizationId, UUID id, UUID deliveryId) {
        WebhookEndpoint e = lock(organizationId, id);
        WebhookDeliveryView before = deliveries.find(organizationId, id, deliveryId)
                .orElseThrow(() -> ApiException.notFound("Webhook delivery"));
        requireEnabled(e, "redeliver");
        if (!deliveries.redeliver(organizationId, id, deliveryId)) {
            throw ApiException.conflict("delivery-not-failed", DELIVERY_ID, "is " + before.status()
                    + "; only a delivery that failed for good can be redelivered");
        }
        return deliveries.find(organizationId, id, deliveryId).orElseThrow();
    }

    private static void requireEnabled(WebhookEndpoint e, String what) {
        if (e.disabledAt != null) {
            throw ApiException.conflict("webhook-disabled", WEBHOOK_ID, "is disabled; enable it to " + what);
        }
    }

    /** Locked, so that a disable and a test event or redelivery to the same endpoint take turns. */
    private WebhookEndpoint lock(UUID organizationId, UUID id) {
        return endpoints.lockInOrganization(organizationId, id)
                .orElseThrow(() -> ApiException.notFound("Webhook endpoint"));
    }

    private WebhookEndpoint endpoint(UUID organizationId, UUID id) {
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
            if (type != null && EventTypes.SUBSCRIBABLE.contains(type)) {
                types.add(type);
            } else {
                errors.add(new FieldError("eventTypes[" + i + "]", "must be one of " + EventTypes.SUBSCRIBABLE));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, "unprocessable", "Unprocessable Content",
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return List.copyOf(types);
    }
}
