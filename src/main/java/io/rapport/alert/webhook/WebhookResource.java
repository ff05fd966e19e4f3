package io.rapport.alert.webhook;

import java.net.URI;

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

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a webhook endpoint", description = "The response carries the signing secret (Standard Webhooks, whsec_...). It is shown only once.")
    public Response create(@NotNull @Valid WebhookRequest body) {
        WebhookCreated created = webhooks.create(caller.organizationId(), body);
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List webhook endpoints")
    public Page<WebhookView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return webhooks.list(caller.organizationId(), Page.Request.of(page, size));
    }

    @GET
    @Path("/{webhookId}")
    @Operation(summary = "A webhook endpoint, without its secret")
    public WebhookView get(@PathParam("webhookId") String webhookId) {
        return webhooks.get(caller.organizationId(), Ids.parse(webhookId, "Webhook endpoint"));
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(summary = "Remove a webhook endpoint and its pending deliveries")
    public void delete(@PathParam("webhookId") String webhookId) {
        webhooks.delete(caller.organizationId(), Ids.parse(webhookId, "Webhook endpoint"));
    }
}
