package io.rapport.delivery;

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

@Path("/api/v1/pairs/{pairId}/responses")
@Tag(name = "Responses")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(MediaType.APPLICATION_JSON)
public class PairResponsesResource {

    private final ResponseService responses;
    private final Caller caller;

    public PairResponsesResource(ResponseService responses, Caller caller) {
        this.responses = responses;
        this.caller = caller;
    }

    @GET
    @Audited(objectType = "pair-responses", idParam = "pairId")
    @Operation(summary = "A pair's responses with scores and item answers, newest first")
    public Page<ResponseView> forPair(@PathParam("pairId") String pairId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return responses.forPair(caller.organizationId(), Ids.parse(pairId, "Pair"), Page.Request.of(page, size));
    }
}
