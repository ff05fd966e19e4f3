package io.rapport.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import io.rapport.audit.Audited;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import io.rapport.security.Secrets;
import io.rapport.security.apikey.ApiKeyRequest;
import io.rapport.security.apikey.ApiKeyService;
import io.rapport.security.apikey.ApiKeyView;
import io.rapport.security.apikey.IssuedApiKey;

/** Admins issue and revoke API keys here, with the same service and validation as {@code /api/v1/api-keys}. */
@Path("/app/settings/keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ApiKeyPageResource {

    private final ApiKeyService keys;
    private final Caller caller;
    private final Validator validator;
    /** A form sent twice (a double click) issues one key: the second answer shows the same key. */
    private final FormReplay<IssuedApiKey> replay = new FormReplay<>();

    public ApiKeyPageResource(ApiKeyService keys, Caller caller, Validator validator) {
        this.keys = keys;
        this.caller = caller;
        this.validator = validator;
    }

    /** The form as sent, so that a refused form comes back filled in. */
    public record Form(String name, String role, boolean read, boolean write, String expiresOn, String nonce) {

        static Form empty() {
            return new Form("", "ehr", true, true, "", Secrets.newToken());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance keys(PageContext ctx, List<ApiKeyView> keys, Form form,
                Map<String, String> errors, IssuedApiKey issued, String notice);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return render(Form.empty(), Map.of(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "create", objectType = "api-key")
    @Operation(hidden = true)
    public Response issue(@FormParam("csrf") String csrf, @FormParam("nonce") String nonce,
            @FormParam("name") String name, @FormParam("role") String role, @FormParam("read") String read,
            @FormParam("write") String write, @FormParam("expiresOn") String expiresOn) {
        // The web session scopes the replay guard.
        String session = PageContext.checkCsrf(caller, csrf).sessionId();
        Form form = new Form(orEmpty(name), orEmpty(role), read != null, write != null, orEmpty(expiresOn),
                FormReplay.nonce(nonce));
        Optional<IssuedApiKey> earlier = replay.earlier(session, form.nonce());
        if (earlier.isPresent()) {
            return Response.ok(render(Form.empty(), Map.of(), earlier.get(), null)).build();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Instant expiresAt = null;
        if (!form.expiresOn().isBlank()) {
            try {
                // The end of the chosen day, in UTC, so a key "until 31 December" works all that day.
                expiresAt = LocalDate.parse(form.expiresOn()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("expiresAt", "must be a date such as 2027-06-30");
            }
        }
        ApiKeyService.expiresAtProblem(expiresAt, Instant.now()).ifPresent(p -> errors.put("expiresAt", p));
        List<String> scopes = new ArrayList<>();
        if (form.read()) {
            scopes.add("read");
        }
        if (form.write()) {
            scopes.add("write");
        }
        ApiKeyRequest request = new ApiKeyRequest(name, role, scopes, expiresAt);
        validator.validate(request).forEach(v -> errors.putIfAbsent(field(v.getPropertyPath().toString()),
                v.getMessage()));
        if (!errors.isEmpty()) {
            // Checked here, not caught from the service: its refusal would roll back the audited transaction.
            return Response.status(422).entity(render(form, errors, null, null)).build();
        }
        IssuedApiKey issued = keys.issue(caller.organizationId(), request);
        replay.remember(session, form.nonce(), issued);
        return Response.ok(render(Form.empty(), Map.of(), issued, null)).build();
    }

    @POST
    @Path("/{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "update", objectType = "api-key", idParam = "keyId")
    @Operation(hidden = true)
    public Response revoke(@PathParam("keyId") String keyId, @FormParam("csrf") String csrf) {
        PageContext.checkCsrf(caller, csrf);
        Optional<UUID> id = Ids.tryParse(keyId).filter(k -> keys.exists(caller.organizationId(), k));
        if (id.isEmpty()) {
            return Response.status(404).entity(render(Form.empty(), Map.of("keyId", "That key was not found."),
                    null, null)).build();
        }
        ApiKeyView done = keys.revoke(caller.organizationId(), id.get(), Optional.empty(), true);
        return Response.ok(render(Form.empty(), Map.of(), null, "Revoked “" + done.name()
                + "”. Every instance refuses it within a few seconds.")).build();
    }

    /** Scope errors name the list, whichever element they are about. */
    private static String field(String path) {
        return path.startsWith("scopes") ? "scopes" : path;
    }

    private TemplateInstance render(Form form, Map<String, String> errors, IssuedApiKey issued, String notice) {
        List<ApiKeyView> all = keys.list(caller.organizationId(), new Page.Request(0, Page.MAX_SIZE)).items();
        return Templates.keys(PageContext.of(caller), all, form, errors, issued, notice);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
