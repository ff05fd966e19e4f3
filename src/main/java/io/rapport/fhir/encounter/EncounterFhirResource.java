package io.rapport.fhir.encounter;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Encounter;

import io.rapport.audit.Audited;
import io.rapport.fhir.Fhir;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/fhir/Encounter")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
@Consumes({ Fhir.JSON, MediaType.APPLICATION_JSON, "application/json+fhir" })
public class EncounterFhirResource {

    private final FhirEncounters encounters;
    private final Caller caller;

    public EncounterFhirResource(FhirEncounters encounters, Caller caller) {
        this.encounters = encounters;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Audited(objectType = "session", idParam = "id")
    @Operation(summary = "FHIR read: a session by its id, or a joint session by its group's id")
    public Encounter read(@PathParam("id") String id) {
        return encounters.read(caller.organizationId(), id);
    }

    @POST
    @Audited(action = "create", objectType = "session")
    @Operation(summary = "FHIR (conditional) create: records a session like POST /api/v1/sessions; If-None-Exist: identifier=<encounter id> replays it (200)")
    public Response create(@HeaderParam("If-None-Exist") String ifNoneExist, Encounter encounter) {
        FhirEncounters.Created created = encounters.create(caller.organizationId(), ifNoneExist, encounter);
        URI location = URI.create("/fhir/Encounter/" + created.encounter().getIdElement().getIdPart());
        return (created.replayed() ? Response.ok() : Response.created(location)).location(location)
                .entity(created.encounter()).build();
    }
}
