package io.rapport.fhir.people;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;

import io.rapport.audit.Audited;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirConfig;
import io.rapport.fhir.FhirIdentifier;
import io.rapport.fhir.Searchset;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/fhir/Practitioner")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
@Consumes({ Fhir.JSON, MediaType.APPLICATION_JSON, "application/json+fhir" })
public class PractitionerFhirResource {

    private final FhirPeople people;
    private final Caller caller;
    private final FhirConfig config;

    public PractitionerFhirResource(FhirPeople people, Caller caller, FhirConfig config) {
        this.people = people;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    @Audited(objectType = "therapist", idParam = "id")
    @Operation(summary = "FHIR read: a therapist by Rapport's id")
    public Practitioner read(@PathParam("id") String id) {
        return people.practitioner(caller.organizationId(), id);
    }

    @GET
    @Audited(objectType = "therapist", idParam = "identifier")
    @Operation(summary = "FHIR search by identifier (the EHR's therapist id) or _id")
    public Bundle search(@QueryParam("identifier") FhirIdentifier identifier, @QueryParam("_id") String id,
            @Context UriInfo uri) {
        Searchset.Page page = Searchset.Page.of(uri, config);
        return Searchset.of(uri, page, people.practitioners(caller.organizationId(), identifier, id));
    }

    @PUT
    @Audited(action = Audited.UPSERT, objectType = "therapist", idParam = "identifier")
    @Operation(summary = "FHIR conditional update by identifier: creates or replaces a therapist like PUT /api/v1/therapists/{externalId}")
    public Response put(@QueryParam("identifier") FhirIdentifier identifier, Practitioner practitioner) {
        FhirPeople.Put<Practitioner> put = people.putPractitioner(caller.organizationId(), identifier, practitioner);
        return put.created()
                ? Response.created(URI.create("/fhir/Practitioner/" + put.resource().getIdElement().getIdPart()))
                        .entity(put.resource()).build()
                : Response.ok(put.resource()).build();
    }
}
