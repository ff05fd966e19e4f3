package io.rapport.security.smart;

import java.net.URI;

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
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/smart-clients")
@Tag(name = "SMART clients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SmartClientResource {

    private final SmartClientService clients;
    private final Caller caller;

    public SmartClientResource(SmartClientService clients, Caller caller) {
        this.clients = clients;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "create", objectType = "smart-client")
    @Operation(summary = "Register a SMART Backend Services client (private_key_jwt)", description = """
            Body: {"name": "EHR prod", "jwksUrl": "https://ehr.example.org/jwks.json", "scopes": ["system/*.read",
            "system/QuestionnaireResponse.write"]}, or "jwks": {"keys": [...]} with the public keys instead of
            jwksUrl. The answer's clientId goes into iss and sub of the client's assertions.""")
    public Response register(@NotNull @Valid SmartClientRequest body) {
        SmartClientView created = clients.register(caller.organizationId(), body);
        return Response.created(URI.create("/api/v1/smart-clients/" + created.clientId())).entity(created).build();
    }

    @GET
    @Audited(objectType = "smart-client")
    @Operation(summary = "The organization's SMART clients, newest first")
    public Page<SmartClientView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return clients.list(caller.organizationId(), Page.Request.of(page, size));
    }

    @GET
    @Path("/{clientId}")
    @Audited(objectType = "smart-client", idParam = "clientId")
    @Operation(summary = "One SMART client")
    public SmartClientView get(@PathParam("clientId") String clientId) {
        return clients.get(caller.organizationId(), Ids.parse(clientId, "SMART client"));
    }

    @POST
    @Path("/{clientId}/disable")
    @Audited(action = "update", objectType = "smart-client", idParam = "clientId")
    @Operation(summary = "Disable a client: it gets no more tokens and its tokens stop working")
    public SmartClientView disable(@PathParam("clientId") String clientId) {
        return clients.disable(caller.organizationId(), Ids.parse(clientId, "SMART client"));
    }
}
