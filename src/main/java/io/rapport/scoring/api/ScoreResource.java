package io.rapport.scoring.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.questionnaire.QuestionnaireResource;
import io.rapport.questionnaire.QuestionnaireService;
import io.rapport.scoring.ScoreResult;
import io.rapport.scoring.ScoringEngine;
import io.rapport.security.ReadScope;
import io.rapport.security.Roles;

/** Scoring without storing anything, beside the catalog's own endpoints. */
@Path("/api/v1/questionnaires/{id}/score")
@Tag(name = "Questionnaires")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final QuestionnaireService questionnaires;
    private final ScoringEngine engine = new ScoringEngine();

    public ScoreResource(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    @POST
    @Operation(summary = "Score answers without storing them", description = """
            Body: {"answers": {"1": 4, "2": "na"}}. Items left out count as missing; "na" is accepted only where
            allowNotApplicable is true. Too many missing items give scored: false. Invalid answers give 422 with
            every problem in errors, each named answers.<itemId>.""")
    @ReadScope
    public ScoreResult score(@PathParam("id") String id,
            @QueryParam("version") @Parameter(description = QuestionnaireResource.VERSION_DOC) String version,
            @NotNull @Valid ScoreRequest body) {
        return engine.score(questionnaires.definition(id, version), body.answers());
    }
}
