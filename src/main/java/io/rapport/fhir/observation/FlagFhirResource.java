package io.rapport.fhir.observation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;

import io.rapport.audit.Audited;
import io.rapport.care.CareAuditSubjects;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirConfig;
import io.rapport.fhir.Searchset;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/fhir/Flag")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
public class FlagFhirResource {

    private final FhirObservations observations;
    private final Caller caller;
    private final FhirConfig config;

    public FlagFhirResource(FhirObservations observations, Caller caller, FhirConfig config) {
        this.observations = observations;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    @Audited(objectType = "alert", idParam = "id")
    @Operation(summary = "FHIR read: an alert (a trend event raised for attention) as a Flag, active while open")
    public Flag read(@PathParam("id") String id) {
        return observations.flag(caller.organizationId(), id);
    }

    @GET
    @Audited(objectType = CareAuditSubjects.CLIENT_BY_ID, idParam = "patient")
    @Operation(summary = "FHIR search by patient (required): the client's alerts as Flags, newest first")
    public Bundle search(@QueryParam("patient") PatientRef patient, @Context UriInfo uri) {
        Searchset.Page page = Searchset.Page.of(uri, config);
        FhirObservations.Found<Flag> found = observations.flags(caller.organizationId(), patient, page);
        return Searchset.of(uri, page, found.items(), found.total());
    }
}
