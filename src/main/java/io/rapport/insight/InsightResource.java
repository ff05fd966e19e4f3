package io.rapport.insight;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.insight.InsightViews.OrganizationInsight;
import io.rapport.insight.InsightViews.ReliabilityInsight;
import io.rapport.insight.InsightViews.TagComparison;
import io.rapport.insight.InsightViews.TherapistComparison;
import io.rapport.insight.InsightViews.TherapistInsight;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/** Aggregates for directors and supervisors: admins only; a therapist sees their own figures on the pages. */
@Path("/api/v1/insights/{questionnaireId}")
@Tag(name = "Insight")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class InsightResource {

    private static final String PERIOD = " The period is from and to (YYYY-MM-DD, both included, UTC; default the"
            + " year up to today), at most 5 years. Cells of fewer than rapport.insight.min-clients clients (5) are"
            + " suppressed: every figure null.";

    private static final String EMPATHY = " For a client-rated alliance instrument, empathyAlliance holds, per"
            + " client-rated empathy instrument with data, Pearson's r between each pair's first empathy total of the"
            + " period and its alliance total at the first later session of the period, with its 95% interval by"
            + " Fisher's z (none below 4 pairs) and N, the pairs.";

    private final InsightService insight;
    private final AccuracyInsights accuracy;
    private final Caller caller;

    public InsightResource(InsightService insight, AccuracyInsights accuracy, Caller caller) {
        this.insight = insight;
        this.accuracy = accuracy;
        this.caller = caller;
    }

    @GET
    @Path("/accuracy")
    @Audited(objectType = "insight", idParam = "questionnaireId")
    @Operation(summary = "Empathic accuracy: the therapists' predictions of the client's rating against the rating,"
            + " per therapist and for the organization; 404 for an instrument without a prediction form", description = """
                    Mean absolute and mean signed gap (prediction minus rating) with 95 % Student's t intervals over pairs
                    (each pair's sessions averaged first). Cells of fewer than rapport.insight.min-pairs pairs (5) are
                    withheld, and so is the smallest shown cell while the withheld ones could be worked out from the
                    organization's figure.""" + PERIOD)
    public AccuracyInsights.AccuracyInsight accuracy(@PathParam("questionnaireId") String questionnaireId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return accuracy.accuracy(insight.request(caller.organizationId(), questionnaireId, from, to), null);
    }

    @GET
    @Path("/organization")
    @Audited(objectType = "insight", idParam = "questionnaireId")
    @Operation(summary = "The organization's figures for one instrument over a period", description = """
            Sessions, assignments sent and their outcome, response rate (completed / completed, expired and
            cancelled), median hours to answer, mean first and latest total per pair with 95% t intervals, the share
            of pairs whose latest total is beyond the questionnaire file's cutoff, ruptures (drop alerts) per 100
            scored sessions, the share repaired within the repair window, open unrepaired ruptures, and the monthly
            mean of the 12 months ending with the period.""" + EMPATHY + PERIOD)
    public OrganizationInsight organization(@PathParam("questionnaireId") String questionnaireId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return insight.organization(insight.request(caller.organizationId(), questionnaireId, from, to));
    }

    @GET
    @Path("/therapists")
    @Audited(objectType = "insight", idParam = "questionnaireId")
    @Operation(summary = "Every therapist's figures, compared fairly", description = """
            Therapists with at least rapport.insight.min-pairs pairs (5) with a scored total are ranked on the
            empirical Bayes (shrunken) estimate of their mean latest total, never on raw means; the others are
            listed without alliance means or rank.""" + PERIOD)
    public TherapistComparison therapists(@PathParam("questionnaireId") String questionnaireId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return insight.therapists(insight.request(caller.organizationId(), questionnaireId, from, to));
    }

    @GET
    @Path("/tags")
    @Audited(objectType = "insight", idParam = "questionnaireId")
    @Operation(summary = "The figures of each program tag", description = """
            A pair counts in its own tags and its therapist's (PUT /api/v1/pairs/{pairId}/tags, tags on PUT
            /api/v1/therapists/{id}); tags without a session in the period are left out.""" + PERIOD)
    public TagComparison tags(@PathParam("questionnaireId") String questionnaireId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return insight.tags(insight.request(caller.organizationId(), questionnaireId, from, to));
    }

    @GET
    @Path("/tags/{tag}")
    @Audited(objectType = "insight", idParam = "tag")
    @Operation(summary = "One program tag against the organization; 404 naming tag when nobody carries it", description = PERIOD)
    public TagComparison tag(@PathParam("questionnaireId") String questionnaireId, @PathParam("tag") String tag,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return insight.tag(insight.request(caller.organizationId(), questionnaireId, from, to), tag);
    }

    @GET
    @Path("/reliability")
    @Audited(objectType = "insight", idParam = "questionnaireId")
    @Operation(summary = "The instrument's reliability in the organization's own answers", description = """
            Per version (all, or version=) and scale (total and subscales): Cronbach's alpha with Feldt's 95%
            interval, flagged when its lower end is below rapport.insight.alpha-floor (0.7), each item's corrected
            item-total correlation, and the shares of responses at the scale's ceiling and floor. The sample is each
            pair's first response of the period with every item answered (one per client, so independent); n says
            how many.""" + PERIOD)
    public ReliabilityInsight reliability(@PathParam("questionnaireId") String questionnaireId,
            @QueryParam("version") String version, @QueryParam("from") String from, @QueryParam("to") String to) {
        return insight.reliability(insight.request(caller.organizationId(), questionnaireId, from, to), version);
    }

    @GET
    @Path("/therapists/{therapistId}")
    @Audited(objectType = "insight", idParam = "therapistId")
    @Operation(summary = "One therapist (the EHR's id) against the organization; 404 for an unknown therapist", description = "The therapist's figures and, beside them, the organization's."
            + EMPATHY + PERIOD)
    public TherapistInsight therapist(@PathParam("questionnaireId") String questionnaireId,
            @PathParam("therapistId") String therapistId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return insight.therapist(insight.request(caller.organizationId(), questionnaireId, from, to), therapistId);
    }
}
