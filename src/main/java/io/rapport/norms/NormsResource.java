package io.rapport.norms;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1")
@Tag(name = "Norms")
@Produces(MediaType.APPLICATION_JSON)
public class NormsResource {

    /** The norms job's answer to a recompute. */
    public record RecomputeResult(int failedVersions, List<NormView> norms) {
    }

    private final NormsService norms;
    private final NormsJob job;
    private final Caller caller;

    public NormsResource(NormsService norms, NormsJob job, Caller caller) {
        this.norms = norms;
        this.job = job;
        this.caller = caller;
    }

    @GET
    @Path("/norms")
    @RolesAllowed({ Roles.ADMIN, Roles.EHR })
    @Operation(summary = "The organization's local norms", description = """
            Per instrument version and scale, computed by a scheduled job from the organization's own scored
            responses: pairs and responses used, the reference sample (each pair's first scored response) with its
            mean and SD, the pooled within-pair SD, the robust session-to-session SD the drop rules use (noiseSd),
            Cronbach's alpha with Feldt's 95% interval, the SEM and the Jacobson-Truax threshold at 95%. inUse is false, with the reason in status, until the version has
            rapport.norms.min-pairs pairs.""")
    public List<NormView> norms(@QueryParam("questionnaireId") String questionnaireId) {
        return norms.norms(caller.organizationId(), questionnaireId);
    }

    @POST
    @Path("/norms/recompute")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute the local norms now instead of waiting for the job")
    public RecomputeResult recompute() {
        int failed = job.computeNow(caller.organizationId());
        return new RecomputeResult(failed, norms.norms(caller.organizationId(), null));
    }

    @GET
    @Path("/published-constants")
    @RolesAllowed({ Roles.ADMIN, Roles.EHR })
    @Operation(summary = "The constants the organization set from publications, current revisions")
    public List<PublishedConstants> current(@QueryParam("questionnaireId") String questionnaireId) {
        return norms.current(caller.organizationId(), questionnaireId);
    }

    @GET
    @Path("/published-constants/{questionnaireId}/{version}/revisions")
    @RolesAllowed({ Roles.ADMIN, Roles.EHR })
    @Operation(summary = "Every revision of an instrument version's published constants, newest first")
    public List<PublishedConstants> revisions(@PathParam("questionnaireId") String questionnaireId,
            @PathParam("version") String version) {
        return norms.revisions(caller.organizationId(), questionnaireId, version);
    }

    @PUT
    @Path("/published-constants/{questionnaireId}/{version}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "update", objectType = "published-constants", idParam = "questionnaireId")
    @Operation(summary = "Set an instrument version's reference SD and reliability from a publication", description = """
            Example: {"citation": "Author (year). Title. Journal, 1(2), 3-4.", "link": "10.1000/xyz123",
            "scales": {"total": {"referenceSd": 6.0, "reliability": 0.9}}}. Each PUT is a new revision; earlier
            ones stay readable. These constants take precedence over the questionnaire file's and over local
            norms for the reliable change index, and every trend and alert names them as its source.""")
    public PublishedConstants set(@PathParam("questionnaireId") String questionnaireId,
            @PathParam("version") String version, PublishedConstantsRequest body) {
        return norms.set(caller.organizationId(), questionnaireId, version, body, caller.principal());
    }

    @DELETE
    @Path("/published-constants/{questionnaireId}/{version}")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "update", objectType = "published-constants", idParam = "questionnaireId")
    @Operation(summary = "Withdraw an instrument version's published constants (kept as a revision)")
    public PublishedConstants withdraw(@PathParam("questionnaireId") String questionnaireId,
            @PathParam("version") String version) {
        return norms.withdraw(caller.organizationId(), questionnaireId, version, caller.principal());
    }
}
