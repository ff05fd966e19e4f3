package io.rapport.care;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.rights.ClientDataService;
import io.rapport.rights.ClientExport;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/clients")
@Tag(name = "Clients")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final PeopleService people;
    private final Caller caller;
    private final ClientDataService rights;

    public ClientResource(PeopleService people, Caller caller, ClientDataService rights) {
        this.people = people;
        this.caller = caller;
        this.rights = rights;
    }

    @PUT
    @Audited(action = Audited.UPSERT, objectType = "client", idParam = "externalId")
    @Path("/{externalId}")
    @Operation(summary = "Create or replace a client by the EHR's id", description = "201 when created, 200 when replaced.")
    public Response put(@PathParam("externalId") @ExternalId String externalId,
            @NotNull @Valid ClientRequest body) {
        var result = people.putClient(caller.organizationId(), externalId, body);
        return result.created()
                ? Response.created(URI.create("/api/v1/clients/" + externalId)).entity(result.view()).build()
                : Response.ok(result.view()).build();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "erase", objectType = "client", idParam = "externalId")
    @Path("/{externalId}")
    @Operation(summary = "Erase a client's answers, scores and personal details (204, also when erased before)", description = """
            Removes responses, alerts and webhook events derived from them, form visits and links, and the name,
            e-mail and language; keeps the ids of the client, pairs and sessions and the audit trail.""")
    public Response erase(@PathParam("externalId") @ExternalId String externalId) {
        rights.erase(caller.organizationId(), externalId);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "export", objectType = "client", idParam = "externalId")
    @Path("/{externalId}/export")
    @Operation(summary = "Everything held about a client in one document (link tokens excepted)")
    public ClientExport export(@PathParam("externalId") @ExternalId String externalId) {
        return rights.export(caller.organizationId(), externalId);
    }
}
