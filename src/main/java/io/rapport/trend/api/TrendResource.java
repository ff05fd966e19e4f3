package io.rapport.trend.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.common.web.Ids;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/pairs/{pairId}/trends")
@Tag(name = "Trends")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    private final TrendService trends;
    private final Caller caller;

    public TrendResource(TrendService trends, Caller caller) {
        this.trends = trends;
        this.caller = caller;
    }

    @GET
    @Audited(objectType = "pair-trends", idParam = "pairId")
    @Operation(summary = "A pair's trend per instrument", description = """
            Points, mean and SD of the pair's own scores, OLS slope per session with its 95% confidence interval,
            Jacobson–Truax reliable change from the first and previous score, the latest score against the cutoff,
            and events: below-cutoff, reliable-drop, personal-drop, repair, unrepaired, no-response. Sessions held
            jointly with other clients add splitAlliance.""")
    public List<InstrumentTrend> get(@PathParam("pairId") String pairId) {
        return trends.trends(caller.organizationId(), Ids.parse(pairId, "Pair"));
    }
}
