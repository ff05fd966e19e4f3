package io.rapport.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.alert.EventTypes;
import io.rapport.alert.webhook.WebhookCreated;
import io.rapport.alert.webhook.WebhookDeliveryView;
import io.rapport.alert.webhook.WebhookRequest;
import io.rapport.alert.webhook.WebhookService;
import io.rapport.alert.webhook.WebhookView;
import io.rapport.audit.Audited;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import io.rapport.security.Secrets;

/**
 * Admins manage webhook endpoints here, with the same service and validation as {@code /api/v1/webhooks}: create
 * (the secret shown once), disable, enable, delete, send a test event, see the latest deliveries and redeliver one
 * that failed for good.
 */
@Path("/app/settings/webhooks")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class WebhookPageResource {

    /** Deliveries shown per endpoint; the API pages through all of them. */
    static final int RECENT_DELIVERIES = 10;
    private static final String ENDPOINT = "webhookId";

    private final WebhookService webhooks;
    private final Caller caller;
    private final Validator validator;
    /** A form sent twice (a double click) acts once: the second answer repeats the first's. */
    private final FormReplay<Outcome> replay = new FormReplay<>();

    public WebhookPageResource(WebhookService webhooks, Caller caller, Validator validator) {
        this.webhooks = webhooks;
        this.caller = caller;
        this.validator = validator;
    }

    /** The create form as sent, so that a refused form comes back filled in. */
    public record Form(String url, String description, List<String> eventTypes, String nonce) {

        static Form empty() {
            return new Form("", "", List.of(), Secrets.newToken());
        }

        public boolean has(String type) {
            return eventTypes.contains(type);
        }
    }

    /** An endpoint with its latest deliveries. */
    public record Endpoint(WebhookView endpoint, List<WebhookDeliveryView> deliveries, long total) {
    }

    /** What a form post did, shown again when the same form comes twice. */
    record Outcome(WebhookCreated created, String notice) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(PageContext ctx, List<Endpoint> endpoints, List<String> eventTypes,
                Form form, Map<String, String> errors, WebhookCreated created, String notice, String nonce);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return render(Form.empty(), Map.of(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "create", objectType = "webhook")
    @Operation(hidden = true)
    public Response create(@FormParam("csrf") String csrf, @FormParam("nonce") String nonce,
            @FormParam("url") String url, @FormParam("description") String description,
            @FormParam("eventTypes") List<String> eventTypes) {
        String session = PageContext.checkCsrf(caller, csrf).sessionId();
        List<String> types = eventTypes == null ? List.of() : eventTypes.stream().filter(t -> !t.isBlank()).toList();
        Form form = new Form(orEmpty(url).strip(), orEmpty(description).strip(), types, FormReplay.nonce(nonce));
        Optional<Outcome> earlier = replay.earlier(session, "create:" + form.nonce());
        if (earlier.isPresent()) {
            return Response.ok(render(Form.empty(), Map.of(), earlier.get().created(), null)).build();
        }
        // No type ticked means every type, as a request without eventTypes.
        WebhookRequest request = new WebhookRequest(form.url(), form.description().isEmpty() ? null : form.description(),
                types.isEmpty() ? null : types);
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(request).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        webhooks.problems(request).forEach(p -> errors.putIfAbsent(field(p.field()), p.message()));
        if (!errors.isEmpty()) {
            // Checked here, not caught from the service: its refusal would roll back the audited transaction.
            return Response.status(422).entity(render(form, errors, null, null)).build();
        }
        Outcome done = replay.once(session, "create:" + form.nonce(),
                () -> new Outcome(webhooks.create(caller.organizationId(), request), null));
        return Response.ok(render(Form.empty(), Map.of(), done.created(), null)).build();
    }

    @POST
    @Path("/{webhookId}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "update", objectType = "webhook", idParam = ENDPOINT)
    @Operation(hidden = true)
    public Response disable(@PathParam(ENDPOINT) String webhookId, @FormParam("csrf") String csrf) {
        return withEndpoint(webhookId, csrf, (session, e) -> notice("Disabled " + webhooks.disable(caller.organizationId(),
                e.id()).url() + ". Nothing is sent to it until it is enabled again."));
    }

    @POST
    @Path("/{webhookId}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "update", objectType = "webhook", idParam = ENDPOINT)
    @Operation(hidden = true)
    public Response enable(@PathParam(ENDPOINT) String webhookId, @FormParam("csrf") String csrf) {
        return withEndpoint(webhookId, csrf, (session, e) -> notice("Enabled " + webhooks.enable(caller.organizationId(),
                e.id()).url() + ". Its pending deliveries are sent now."));
    }

    @POST
    @Path("/{webhookId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "erase", objectType = "webhook", idParam = ENDPOINT)
    @Operation(hidden = true)
    public Response delete(@PathParam(ENDPOINT) String webhookId, @FormParam("csrf") String csrf) {
        return withEndpoint(webhookId, csrf, (session, e) -> {
            webhooks.delete(caller.organizationId(), e.id());
            return notice("Deleted " + e.url() + " and its deliveries.");
        });
    }

    @POST
    @Path("/{webhookId}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "send", objectType = "webhook", idParam = ENDPOINT)
    @Operation(hidden = true)
    public Response test(@PathParam(ENDPOINT) String webhookId, @FormParam("csrf") String csrf,
            @FormParam("nonce") String nonce) {
        return withEndpoint(webhookId, csrf, (session, e) -> {
            if (!e.enabled()) {
                return refused(409, "Enable " + e.url() + " to send it a test event.");
            }
            return replayed(session, "test", e.id(), nonce, () -> {
                webhooks.sendTest(caller.organizationId(), e.id());
                return "Test event queued for " + e.url() + "; its delivery is listed below.";
            });
        });
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "send", objectType = "webhook", idParam = ENDPOINT)
    @Operation(hidden = true)
    public Response redeliver(@PathParam(ENDPOINT) String webhookId, @PathParam("deliveryId") String deliveryId,
            @FormParam("csrf") String csrf, @FormParam("nonce") String nonce) {
        return withEndpoint(webhookId, csrf, (session, e) -> {
            Optional<UUID> id = Ids.tryParse(deliveryId);
            Optional<Outcome> earlier = replay.earlier(session,
                    "redeliver:" + id.map(UUID::toString).orElse("-") + ":" + nonce);
            if (earlier.isPresent()) {
                return notice(earlier.get().notice());
            }
            Optional<WebhookDeliveryView> delivery = id.flatMap(d -> webhooks.delivery(caller.organizationId(),
                    e.id(), d));
            if (delivery.isEmpty()) {
                return refused(404, "That delivery was not found.");
            }
            if (!e.enabled()) {
                return refused(409, "Enable " + e.url() + " to redeliver to it.");
            }
            if (!delivery.get().failed()) {
                return refused(409, "That delivery is " + delivery.get().status()
                        + "; only one that failed for good can be redelivered.");
            }
            return replayed(session, "redeliver", id.get(), nonce, () -> {
                webhooks.redeliver(caller.organizationId(), e.id(), id.get());
                return "Redelivery queued: one new attempt to " + e.url() + ".";
            });
        });
    }

    /** The action once per form: a second post of the same form shows the first's notice. */
    private Response replayed(String session, String action, UUID target, String nonce, Supplier<String> act) {
        Outcome done = replay.once(session, action + ":" + target + ":" + FormReplay.nonce(nonce),
                () -> new Outcome(null, act.get()));
        return notice(done.notice());
    }

    /**
     * The action, given the web session and the organization's endpoint, once the form's CSRF token is checked; 404
     * for an id of no endpoint of the organization.
     */
    private Response withEndpoint(String webhookId, String csrf, BiFunction<String, WebhookView, Response> action) {
        String session = PageContext.checkCsrf(caller, csrf).sessionId();
        Optional<WebhookView> endpoint = Ids.tryParse(webhookId)
                .flatMap(id -> webhooks.find(caller.organizationId(), id));
        if (endpoint.isEmpty()) {
            return refused(404, "That endpoint was not found.");
        }
        return action.apply(session, endpoint.get());
    }

    private Response notice(String text) {
        return Response.ok(render(Form.empty(), Map.of(), null, text)).build();
    }

    private Response refused(int status, String message) {
        return Response.status(status).entity(render(Form.empty(), Map.of(ENDPOINT, message), null, null)).build();
    }

    /** Event-type errors name the list, whichever element they are about. */
    private static String field(String path) {
        return path.startsWith("eventTypes") ? "eventTypes" : path;
    }

    private TemplateInstance render(Form form, Map<String, String> errors, WebhookCreated created, String notice) {
        List<Endpoint> endpoints = webhooks.list(caller.organizationId(), new Page.Request(0, Page.MAX_SIZE)).items()
                .stream().map(e -> {
                    Page<WebhookDeliveryView> recent = webhooks.deliveries(caller.organizationId(), e.id(),
                            new Page.Request(0, RECENT_DELIVERIES));
                    return new Endpoint(e, recent.items(), recent.total());
                }).toList();
        return Templates.webhooks(PageContext.of(caller), endpoints, EventTypes.SUBSCRIBABLE, form, errors, created,
                notice, Secrets.newToken());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
