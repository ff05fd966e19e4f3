package io.rapport.fhir.questionnaire;

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
import org.hl7.fhir.r4.model.Questionnaire;

import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirConfig;
import io.rapport.fhir.Searchset;
import io.rapport.security.Roles;

@Path("/fhir/Questionnaire")
@Tag(name = "FHIR")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(Fhir.JSON)
public class QuestionnaireFhirResource {

    private final FhirQuestionnaires questionnaires;
    private final FhirConfig config;

    public QuestionnaireFhirResource(FhirQuestionnaires questionnaires, FhirConfig config) {
        this.questionnaires = questionnaires;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "FHIR read: one catalog instrument version, e.g. session-rating-4-1.0.0")
    public Questionnaire read(@PathParam("id") String id) {
        return questionnaires.read(id);
    }

    @GET
    @Operation(summary = "FHIR search by url (also url|version), version, name and status")
    public Bundle search(@QueryParam("url") String url, @QueryParam("version") String version,
            @QueryParam("name") String name, @QueryParam("status") String status, @Context UriInfo uri) {
        Searchset.Page page = Searchset.Page.of(uri, config);
        return Searchset.of(uri, page,
                questionnaires.search(new FhirQuestionnaires.Search(url, version, name, status)));
    }
}
