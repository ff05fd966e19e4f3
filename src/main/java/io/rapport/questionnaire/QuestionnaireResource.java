package io.rapport.questionnaire;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.security.Roles;

@Path("/api/v1/questionnaires")
@Tag(name = "Questionnaires")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {

    public static final String VERSION_DOC = "A version such as 1.0.0; without it the latest released version, or the latest version of an instrument that has none released yet.";

    private final QuestionnaireService questionnaires;

    public QuestionnaireResource(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    @GET
    @Operation(summary = "List every instrument version in the catalog", description = """
            Sorted by id, then version. licence.textSource says whether clients see the project's placeholder
            wording or licensed wording from an installed content pack; released is false for versions not yet
            frozen in released.json.""")
    public List<QuestionnaireSummary> list() {
        return questionnaires.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One instrument version with its items, scoring rule and wording", description = """
            Wording follows Accept-Language: licensed content-pack wording, else placeholder wording, in the
            first requested language that has either; otherwise the instrument's default language. language and
            the Content-Language header name the language delivered; textSource says where the wording comes from.""")
    public Response get(@PathParam("id") String id,
            @QueryParam("version") @Parameter(description = VERSION_DOC) String version,
            @Context HttpHeaders headers) {
        QuestionnaireDetail detail = questionnaires.detail(id, version, headers.getAcceptableLanguages());
        return Response.ok(detail).header(HttpHeaders.CONTENT_LANGUAGE, detail.language())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
