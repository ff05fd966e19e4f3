package io.rapport.care;

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

    @GET
    @Audited(objectType = "pair", idParam = "pairId")
    @Path("/{pairId}")
    @Operation(summary = "A pair with its sessions and their assignments")
    public PairDetail get(@PathParam("pairId") String pairId) {
        return pairs.detail(caller.organizationId(), Ids.parse(pairId, "Pair"));
    }
}
