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
import org.hl7.fhir.r4.model.Patient;

import io.rapport.audit.Audited;
import io.rapport.care.CareAuditSubjects;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirConfig;
import io.rapport.fhir.FhirIdentifier;
import io.rapport.fhir.Searchset;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/fhir/Patient")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
@Consumes({ Fhir.JSON, MediaType.APPLICATION_JSON, "application/json+fhir" })
public class PatientFhirResource {

    private final FhirPeople people;
    private final Caller caller;
    private final FhirConfig config;

    public PatientFhirResource(FhirPeople people, Caller caller, FhirConfig config) {
        this.people = people;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    @Audited(objectType = CareAuditSubjects.CLIENT_BY_ID, idParam = "id")
    @Operation(summary = "FHIR read: a client by Rapport's id")
    public Patient read(@PathParam("id") String id) {
        return people.patient(caller.organizationId(), id);
    }

    @GET
    @Audited(objectType = "client", idParam = "identifier")
    @Operation(summary = "FHIR search by identifier (the EHR's client id) or _id")
    public Bundle search(@QueryParam("identifier") FhirIdentifier identifier, @QueryParam("_id") String id,
            @Context UriInfo uri) {
        Searchset.Page page = Searchset.Page.of(uri, config);
        return Searchset.of(uri, page, people.patients(caller.organizationId(), identifier, id));
    }

    @PUT
    @Audited(action = Audited.UPSERT, objectType = "client", idParam = "identifier")
    @Operation(summary = "FHIR conditional update by identifier: creates or replaces a client like PUT /api/v1/clients/{externalId}")
    public Response put(@QueryParam("identifier") FhirIdentifier identifier, Patient patient) {
        FhirPeople.Put<Patient> put = people.putPatient(caller.organizationId(), identifier, patient);
        return put.created()
                ? Response.created(URI.create("/fhir/Patient/" + put.resource().getIdElement().getIdPart()))
                        .entity(put.resource()).build()
                : Response.ok(put.resource()).build();
    }
}
