package io.rapport.alert;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.audit.Audited;
import io.rapport.common.error.ApiException;
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
    private final ObjectMapper json;

    public AlertResource(Alerts alerts, Caller caller, ObjectMapper json) {
        this.alerts = alerts;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Audited(objectType = "alert")
    @Operation(summary = "List alerts, newest first; status is open (default) or acknowledged; type is one alert type")
    public Page<AlertView> list(@QueryParam("pairId") String pairId, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        return alerts.list(caller.organizationId(), pairId, type, status, Page.Request.of(page, size));
    }

    @POST
    @Audited(action = "update", objectType = "alert", idParam = "alertId")
    @Path("/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an alert; acknowledging again returns the first acknowledgement", description = """
            The body is optional: {"note": "..."} keeps up to 500 characters about what was done; a longer note is
            refused with 400 naming note.""")
    public AlertView acknowledge(@PathParam("alertId") String alertId,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcknowledgeRequest.class))) byte[] body) {
        AcknowledgeRequest request = note(body);
        return alerts.acknowledge(caller.organizationId(), Ids.parse(alertId, "Alert"), caller.principal(),
                request == null ? null : request.note());
    }

    /**
     * Read here rather than by JAX-RS: a call without a body, or without a Content-Type, must keep working. Errors
     * become problems here, since the audit's transaction would wrap Jackson's exceptions.
     */
    private AcknowledgeRequest note(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, AcknowledgeRequest.class);
        } catch (JsonParseException e) {
            throw new ApiException(400, "malformed-json", "Bad Request", "The body is not well-formed JSON",
                    List.of());
        } catch (JsonMappingException e) {
            boolean aboutNote = e.getPath().stream().anyMatch(r -> "note".equals(r.getFieldName()));
            throw aboutNote ? ApiException.invalid("note", "must be a string")
                    : ApiException.invalid("body", "must be an object such as {\"note\": \"...\"}");
        } catch (IOException e) {
            throw ApiException.invalid("body", "could not be read");
        }
    }
}
