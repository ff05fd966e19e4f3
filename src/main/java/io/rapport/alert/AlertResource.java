package io.rapport.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/alerts")
@Tag(name = "Alerts")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Alerts alerts;
    private final Caller caller;

    public AlertResource(Alerts alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Audited(objectType = "alert")
    @Operation(summary = "List alerts, newest first; status is open (default) or acknowledged")
    public Page<AlertView> list(@QueryParam("pairId") String pairId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return alerts.list(caller.organizationId(), pairId, status, Page.Request.of(page, size));
    }

    @POST
    @Audited(action = "update", objectType = "alert", idParam = "alertId")
    @Path("/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an alert; acknowledging again returns the first acknowledgement")
    public AlertView acknowledge(@PathParam("alertId") String alertId) {
        return alerts.acknowledge(caller.organizationId(), Ids.parse(alertId, "Alert"), caller.principal());
    }
}
