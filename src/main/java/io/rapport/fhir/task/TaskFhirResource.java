package io.rapport.fhir.task;

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
import org.hl7.fhir.r4.model.Task;

import io.rapport.audit.Audited;
import io.rapport.care.CareAuditSubjects;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirConfig;
import io.rapport.fhir.Searchset;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/fhir/Task")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
public class TaskFhirResource {

    private final FhirTasks tasks;
    private final Caller caller;
    private final FhirConfig config;

    public TaskFhirResource(FhirTasks tasks, Caller caller, FhirConfig config) {
        this.tasks = tasks;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    @Audited(objectType = "assignment", idParam = "id")
    @Operation(summary = "FHIR read: an assignment as an SDC questionnaire Task, by the assignment's id")
    public Task read(@PathParam("id") String id) {
        return tasks.read(caller.organizationId(), id);
    }

    /** Audited by the Patient searched for, when there is one: that is whose data the Bundle shows. */
    @GET
    @Audited(objectType = CareAuditSubjects.CLIENT_BY_ID, idParam = "patient")
    @Operation(summary = "FHIR search by patient, status (requested, completed, cancelled) and encounter: what a client still has to answer")
    public Bundle search(@QueryParam("patient") PatientParam patient, @QueryParam("status") String status,
            @QueryParam("encounter") String encounter, @Context UriInfo uri) {
        Searchset.Page page = Searchset.Page.of(uri, config);
        FhirTasks.Found found = tasks.search(caller.organizationId(),
                new FhirTasks.Search(patient == null ? null : patient.raw(), status, encounter), page);
        return Searchset.of(uri, page, found.tasks(), found.total());
    }
}
