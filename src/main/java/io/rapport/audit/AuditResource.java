package io.rapport.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/audit")
@Tag(name = "Audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;
    private final Caller caller;

    public AuditResource(AuditService audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Audited(objectType = "audit", clientParam = "clientId")
    @Operation(summary = "The organization's audit trail, newest first", description = """
            Filters: clientId (the EHR's id), objectType, objectId, actor, from and to (ISO-8601 instants, to
            exclusive). Reading the trail is itself recorded.""")
    public Page<AuditEventView> list(@QueryParam("clientId") String clientId,
            @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.list(caller.organizationId(),
                new AuditService.Filter(clientId, objectType, objectId, actor, from, to), Page.Request.of(page, size));
    }
}
