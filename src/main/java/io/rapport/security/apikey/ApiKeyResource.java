package io.rapport.security.apikey;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import io.rapport.common.error.ApiException;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/api-keys")
@Tag(name = "API keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    /** How long a rotated key keeps working when the rotation names no grace period. */
    static final Duration DEFAULT_GRACE = Duration.ofDays(1);
    private static final String PRINCIPAL_PREFIX = "api-key:";

    private final ApiKeyService keys;
    private final Caller caller;

    public ApiKeyResource(ApiKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "create", objectType = "api-key")
    @Operation(summary = "Issue an API key for an EHR integration or an admin", description = """
            Body: {"name": "EHR prod", "role": "ehr", "scopes": ["read", "write"], "expiresAt": null}. The key is in
            this response only: Rapport keeps its hash, so it cannot be shown again.""")
    public Response issue(@NotNull @Valid ApiKeyRequest body) {
        IssuedApiKey issued = keys.issue(caller.organizationId(), body);
        return Response.created(URI.create("/api/v1/api-keys/" + issued.apiKey().id())).entity(issued).build();
    }

    @GET
    @Audited(objectType = "api-key")
    @Operation(summary = "The organization's API keys, newest first: prefix, dates and state, never the key")
    public Page<ApiKeyView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return keys.list(caller.organizationId(), Page.Request.of(page, size));
    }

    @POST
    @Path("/{keyId}/revoke")
    @Audited(action = "update", objectType = "api-key", idParam = "keyId")
    @Operation(summary = "Revoke a key; every instance refuses it within rapport.security.api-key-cache-ttl", description = "Revoking the key that makes the call needs confirm=true.")
    public ApiKeyView revoke(@PathParam("keyId") String keyId, @QueryParam("confirm") String confirm) {
        if (confirm != null && !confirm.equals("true") && !confirm.equals("false")) {
            throw ApiException.invalid("confirm", "must be true or false");
        }
        return keys.revoke(caller.organizationId(), Ids.parse(keyId, "API key"), callerKeyId(),
                "true".equals(confirm));
    }

    @POST
    @Path("/{keyId}/rotate")
    @Audited(action = "create", objectType = "api-key", idParam = "keyId")
    @Operation(summary = "Issue a replacement key; the old one keeps working for graceSeconds (default 86400)")
    public Response rotate(@PathParam("keyId") String keyId, @QueryParam("graceSeconds") String graceSeconds) {
        Duration grace = DEFAULT_GRACE;
        if (graceSeconds != null) {
            try {
                grace = Duration.ofSeconds(Long.parseLong(graceSeconds));
            } catch (NumberFormatException e) {
                throw ApiException.invalid("graceSeconds", "must be a whole number of seconds");
            }
        }
        IssuedApiKey issued = keys.rotate(caller.organizationId(), Ids.parse(keyId, "API key"), grace);
        return Response.created(URI.create("/api/v1/api-keys/" + issued.apiKey().id())).entity(issued).build();
    }

    private Optional<UUID> callerKeyId() {
        String principal = caller.principal();
        return principal.startsWith(PRINCIPAL_PREFIX) ? Ids.tryParse(principal.substring(PRINCIPAL_PREFIX.length()))
                : Optional.empty();
    }
}
