package io.rapport.alert.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final String OBJECT = "webhook";

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Audited(action = "create", objectType = OBJECT)
    @Operation(summary = "Register a webhook endpoint", description = "The response carries the signing secret (Standard Webhooks, whsec_...). It is shown only once.")
    public Response create(@NotNull @Valid WebhookRequest body) {
        WebhookCreated created = webhooks.create(caller.organizationId(), body);
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Audited(objectType = OBJECT)
    @Operation(summary = "List webhook endpoints")
    public Page<WebhookView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return webhooks.list(caller.organizationId(), Page.Request.of(page, size));
    }

    @GET
    @Path("/{webhookId}")
    @Audited(objectType = OBJECT, idParam = "webhookId")
    @Operation(summary = "A webhook endpoint, without its secret")
    public WebhookView get(@PathParam("webhookId") String webhookId) {
        return webhooks.get(caller.organizationId(), endpoint(webhookId));
    }

    @DELETE
    @Path("/{webhookId}")
    @Audited(action = "erase", objectType = OBJECT, idParam = "webhookId")
    @Operation(summary = "Remove a webhook endpoint and its pending deliveries")
    public void delete(@PathParam("webhookId") String webhookId) {
        webhooks.delete(caller.organizationId(), endpoint(webhookId));
    }

    @POST
    @Path("/{webhookId}/disable")
    @Audited(action = "update", objectType = OBJECT, idParam = "webhookId")
    @Operation(summary = "Stop deliveries to an endpoint", description = """
            Events from now on are not queued for it; its pending deliveries wait, and are sent once it is enabled
            again (their retry window still counts from their creation). Disabling twice changes nothing.""")
    public WebhookView disable(@PathParam("webhookId") String webhookId) {
        return webhooks.disable(caller.organizationId(), endpoint(webhookId));
    }

    @POST
    @Path("/{webhookId}/enable")
    @Audited(action = "update", objectType = OBJECT, idParam = "webhookId")
    @Operation(summary = "Resume deliveries to a disabled endpoint", description = "Events raised while it was disabled are not sent.")
    public WebhookView enable(@PathParam("webhookId") String webhookId) {
        return webhooks.enable(caller.organizationId(), endpoint(webhookId));
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Audited(objectType = OBJECT, idParam = "webhookId")
    @Operation(summary = "The endpoint's deliveries, newest first", description = """
            Per delivery: the event id (the receiver's webhook-id) and type, status (pending, delivered, or failed:
            for good, after the retry window), attempts, the receiver's last HTTP status, the last error and, while
            pending, when the next attempt is due.""")
    public Page<WebhookDeliveryView> deliveries(@PathParam("webhookId") String webhookId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return webhooks.deliveries(caller.organizationId(), endpoint(webhookId), Page.Request.of(page, size));
    }

    @POST
    @Path("/{webhookId}/test")
    @Audited(action = "send", objectType = OBJECT, idParam = "webhookId")
    @Operation(summary = "Send a test event to this endpoint", description = """
            Queues a webhook.test event through the outbox for this endpoint only, whatever event types it
            subscribes to; it is signed and retried like any other event. Its data names the endpoint and no client.
            The answer is the pending delivery; 409 when the endpoint is disabled. Each call sends one more event.""")
    public Response test(@PathParam("webhookId") String webhookId) {
        UUID id = endpoint(webhookId);
        WebhookDeliveryView queued = webhooks.sendTest(caller.organizationId(), id);
        return Response.accepted(queued).build();
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @Audited(action = "send", objectType = OBJECT, idParam = "webhookId")
    @Operation(summary = "Send a delivery that failed for good once more", description = """
            One new attempt, as soon as the relay runs, with the same webhook-id. Only a delivery whose status is
            failed; otherwise, and while the endpoint is disabled, 409. Calling again while that attempt is pending
            (a double click) is refused with 409, so it makes no second attempt.""")
    public Response redeliver(@PathParam("webhookId") String webhookId,
            @PathParam("deliveryId") String deliveryId) {
        WebhookDeliveryView pending = webhooks.redeliver(caller.organizationId(), endpoint(webhookId),
                Ids.parse(deliveryId, "Webhook delivery"));
        return Response.accepted(pending).build();
    }

    private static UUID endpoint(String webhookId) {
        return Ids.parse(webhookId, "Webhook endpoint");
    }
}
