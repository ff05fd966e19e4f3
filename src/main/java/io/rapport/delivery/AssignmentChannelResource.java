package io.rapport.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.common.web.Ids;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/assignments/{id}")
@Tag(name = "Assignments")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
public class AssignmentChannelResource {

    private final ChannelService channels;
    private final Caller caller;

    public AssignmentChannelResource(ChannelService channels, Caller caller) {
        this.channels = channels;
        this.caller = caller;
    }

    @POST
    @Audited(action = "send", objectType = "assignment", idParam = "id")
    @Path("/email")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "E-mail a fresh form link to the client (422 when the client has no e-mail address)")
    public Response email(@PathParam("id") String id) {
        return Response.accepted(channels.email(caller.organizationId(), Ids.parse(id, "Assignment"))).build();
    }

    @GET
    @Audited(action = "send", objectType = "assignment", idParam = "id")
    @Path("/qr.png")
    @Produces({ "image/png", MediaType.APPLICATION_JSON })
    @Operation(summary = "A QR code of a fresh form link, to scan in the room (409 completed, 410 expired)")
    public Response qr(@PathParam("id") String id) {
        byte[] png = channels.qrPng(caller.organizationId(), Ids.parse(id, "Assignment"));
        return Response.ok(png, "image/png").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Audited(action = "send", objectType = "assignment", idParam = "id")
    @Path("/in-session")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A short-lived form link to open on the therapist's tablet during the session")
    public Response inSession(@PathParam("id") String id) {
        return Response.status(201).entity(channels.inSession(caller.organizationId(), Ids.parse(id, "Assignment")))
                .build();
    }
}
