package io.rapport.care;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/pairs")
@Tag(name = "Pairs")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(MediaType.APPLICATION_JSON)
public class PairResource {

    private final PairService pairs;
    private final Caller caller;

    public PairResource(PairService pairs, Caller caller) {
        this.pairs = pairs;
        this.caller = caller;
    }

    @GET
    @Audited(objectType = "pair", clientParam = "clientId")
    @Operation(summary = "List pairs, optionally of one therapist or one client (EHR ids)")
    public Page<PairView> list(@QueryParam("therapistId") @ExternalIdFilter String therapistId,
            @QueryParam("clientId") @ExternalIdFilter String clientId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return pairs.list(caller.organizationId(), therapistId, clientId, Page.Request.of(page, size));
    }

    @PUT
    @Audited(action = "update", objectType = "pair", idParam = "pairId")
    @Path("/{pairId}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the pair's own program tags (its therapist's apply too)", description = "Each tag is 1 to 64 letters, digits, '-', '_' or '.'; at most 20.")
    public PairDetail putTags(@PathParam("pairId") String pairId, @NotNull @Valid TagsRequest body) {
        return pairs.putTags(caller.organizationId(), Ids.parse(pairId, "Pair"), body);
    }

    @PUT
    @Audited(action = "update", objectType = "pair", idParam = "pairId")
    @Path("/{pairId}/client-chart")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn the client's own chart off or on for this pair", description = """
            clientChart false: this client never sees the chart of their own past totals after answering. true:
            the organization's clientChart setting decides (off unless an admin turned it on).""")
    public PairDetail putClientChart(@PathParam("pairId") String pairId, @NotNull @Valid ClientChartRequest body) {
        return pairs.putClientChart(caller.organizationId(), Ids.parse(pairId, "Pair"), body);
    }

    @GET
    @Audited(objectType = "pair", idParam = "pairId")
    @Path("/{pairId}")
    @Operation(summary = "A pair with its sessions and their assignments")
    public PairDetail get(@PathParam("pairId") String pairId) {
        return pairs.detail(caller.organizationId(), Ids.parse(pairId, "Pair"));
    }
}
