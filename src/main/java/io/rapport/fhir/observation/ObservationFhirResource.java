package io.rapport.fhir.observation;

import java.util.List;

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
import org.hl7.fhir.r4.model.Observation;

import io.rapport.audit.Audited;
import io.rapport.care.CareAuditSubjects;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirConfig;
import io.rapport.fhir.Searchset;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/fhir/Observation")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
public class ObservationFhirResource {

    private final FhirObservations observations;
    private final Caller caller;
    private final FhirConfig config;

    public ObservationFhirResource(FhirObservations observations, Caller caller, FhirConfig config) {
        this.observations = observations;
        this.caller = caller;
        this.config = config;
    }

    /** Audited by the response the score belongs to, which leads to its client. */
    @GET
    @Path("/{id}")
    @Audited(objectType = "response", idParam = "id")
    @Operation(summary = "FHIR read: one score (total or subscale) of a stored response, id <response id>-<scale>")
    public Observation read(@PathParam("id") ObservationId id) {
        return observations.read(caller.organizationId(), id);
    }

    @GET
    @Audited(objectType = CareAuditSubjects.CLIENT_BY_ID, idParam = "patient")
    @Operation(summary = "FHIR search by patient (required), code ([system|]<instrument>/<scale>), date (eq, ge, le, gt, lt) and _sort=date or -date (the default)")
    public Bundle search(@QueryParam("patient") PatientRef patient, @QueryParam("code") List<String> code,
            @QueryParam("date") List<String> date, @QueryParam("_sort") String sort, @Context UriInfo uri) {
        Searchset.Page page = Searchset.Page.of(uri, config);
        FhirObservations.Found<Observation> found = observations.search(caller.organizationId(),
                new FhirObservations.Search(patient, code, date, sort), page);
        return Searchset.of(uri, page, found.items(), found.total());
    }
}
