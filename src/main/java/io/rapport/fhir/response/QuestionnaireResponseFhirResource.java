package io.rapport.fhir.response;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import io.rapport.audit.Audited;
import io.rapport.care.CareAuditSubjects;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirConfig;
import io.rapport.fhir.Searchset;
import io.rapport.fhir.task.PatientParam;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/fhir/QuestionnaireResponse")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
@Consumes({ Fhir.JSON, MediaType.APPLICATION_JSON, "application/json+fhir" })
public class QuestionnaireResponseFhirResource {

    private final FhirResponses responses;
    private final Caller caller;
    private final FhirConfig config;

    public QuestionnaireResponseFhirResource(FhirResponses responses, Caller caller, FhirConfig config) {
        this.responses = responses;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    @Audited(objectType = "response", idParam = "id")
    @Operation(summary = "FHIR read: a stored response, from any channel, by its id")
    public QuestionnaireResponse read(@PathParam("id") String id) {
        return responses.read(caller.organizationId(), id);
    }

    /** Audited by the Patient searched for, when there is one: that is whose data the Bundle shows. */
    @GET
    @Audited(objectType = CareAuditSubjects.CLIENT_BY_ID, idParam = "patient")
    @Operation(summary = "FHIR search by patient, questionnaire (url|version), authored and _lastUpdated (eq, ge, le, gt, lt)")
    public Bundle search(@QueryParam("patient") PatientParam patient,
            @QueryParam("questionnaire") String questionnaire, @QueryParam("authored") List<String> authored,
            @QueryParam("_lastUpdated") List<String> lastUpdated, @Context UriInfo uri) {
        Searchset.Page page = Searchset.Page.of(uri, config);
        FhirResponses.Found found = responses.search(caller.organizationId(), new FhirResponses.Search(
                patient == null ? null : patient.raw(), questionnaire, authored, lastUpdated), page);
        return Searchset.of(uri, page, found.responses(), found.total());
    }

    /** The row names the EHR as the actor; the link channel's own audit row is not written for it. */
    @POST
    @Audited(action = "submit", objectType = "response")
    @Operation(summary = "FHIR create: answers the EHR collected complete their Task (basedOn Task/<id>), scored and stored like a form submission; 409 when the Task is answered, 422 per invalid item")
    public Response create(QuestionnaireResponse response) {
        QuestionnaireResponse stored = responses.create(caller.organizationId(), response);
        URI location = URI.create("/fhir/QuestionnaireResponse/" + stored.getIdElement().getIdPart());
        return Response.created(location).entity(stored).build();
    }
}
