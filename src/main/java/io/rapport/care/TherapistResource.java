package io.rapport.care;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/therapists")
@Tag(name = "Therapists")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TherapistResource {

    private final PeopleService people;
    private final Caller caller;

    public TherapistResource(PeopleService people, Caller caller) {
        this.people = people;
        this.caller = caller;
    }

    @PUT
    @Audited(action = Audited.UPSERT, objectType = "therapist", idParam = "externalId")
    @Path("/{externalId}")
    @Operation(summary = "Create or replace a therapist by the EHR's id", description = "201 when created, 200 when replaced.")
    public Response put(@PathParam("externalId") @ExternalId String externalId,
            @NotNull @Valid TherapistRequest body) {
        var result = people.putTherapist(caller.organizationId(), externalId, body);
        return result.created()
                ? Response.created(URI.create("/api/v1/therapists/" + externalId)).entity(result.view()).build()
                : Response.ok(result.view()).build();
    }
}
