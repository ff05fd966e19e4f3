package io.rapport.care;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.security.Roles;

@Path("/api/v1/organizations")
@Tag(name = "Organizations")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationService organizations;

    public OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @POST
    @Operation(summary = "Create an organization (platform operator only)", description = "The response carries the organization's first admin API key. It is shown only once.")
    public Response create(@NotNull @Valid OrganizationRequest body) {
        OrganizationCreated created = organizations.create(body);
        return Response.created(URI.create("/api/v1/organizations/" + created.id())).entity(created).build();
    }
}
