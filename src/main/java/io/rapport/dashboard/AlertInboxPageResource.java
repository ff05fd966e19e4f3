package io.rapport.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.alert.AlertView;
import io.rapport.alert.Alerts;
import io.rapport.audit.Audited;
import io.rapport.common.web.Ids;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/**
 * The alert inbox: open (or acknowledged) alerts of the caller's pairs, or the organization's for admins, newest
 * first, each with why it was raised; acknowledging takes an optional note.
 */
@Path("/app/alerts")
@RolesAllowed({ Roles.ADMIN, Roles.THERAPIST })
@Produces(MediaType.TEXT_HTML)
public class AlertInboxPageResource {

    private final AlertInboxService inbox;
    private final Caller caller;

    public AlertInboxPageResource(AlertInboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    /**
     * What the page says besides the list: a notice after an acknowledgement, errors by field ({@code type},
     * {@code pair}, {@code status}, {@code alert}) and the refused note with the alert it was for.
     */
    public record Messages(String notice, Map<String, String> errors, UUID noteFor, String note) {

        /** Whether the note refused was for this alert. */
        public boolean refused(UUID alertId) {
            return alertId.equals(noteFor);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(PageContext ctx, AlertInboxPage inbox, Messages messages);
    }

    @GET
    @Audited(objectType = "alert")
    @Operation(hidden = true)
    public Response list(@QueryParam("type") String type, @QueryParam("pair") String pair,
            @QueryParam("status") String status, @QueryParam("page") String page) {
        Map<String, String> errors = new HashMap<>();
        AlertInboxPage.Filter filter = filter(type, pair, status, errors);
        int number = 0;
        if (page != null && !page.isBlank()) {
            try {
                number = Math.max(0, Integer.parseInt(page.strip()));
            } catch (NumberFormatException e) {
                errors.put("page", "The page number must be a whole number.");
            }
        }
        Messages messages = new Messages(null, errors, null, null);
        return Response.status(errors.isEmpty() ? 200 : 400).entity(render(filter, number, messages)).build();
    }

    /** The filters travel with the form, so that the page comes back as it was. */
    @POST
    @Path("/{alertId}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "update", objectType = "alert", idParam = "alertId")
    @Operation(hidden = true)
    public Response acknowledge(@PathParam("alertId") String alertId, @FormParam("csrf") String csrf,
            @FormParam("note") String note, @FormParam("type") String type, @FormParam("pair") String pair,
            @FormParam("status") String status) {
        PageContext.checkCsrf(caller, csrf);
        AlertInboxPage.Filter filter = filter(type, pair, status, new HashMap<>());
        Optional<UUID> id = Ids.tryParse(alertId);
        Optional<String> problem = Alerts.noteProblem(note);
        if (problem.isPresent() && id.isPresent()) {
            // Checked here, not caught from the service: its refusal would roll back the audited transaction.
            Messages refused = new Messages(null, Map.of("note", "The note " + problem.get() + "."), id.get(), note);
            return Response.status(422).entity(render(filter, 0, refused)).build();
        }
        Optional<AlertInboxService.Acknowledged> done = id
                .flatMap(a -> inbox.acknowledge(Visibility.of(caller), a, caller.principal(), note));
        if (done.isEmpty()) {
            Messages missing = new Messages(null, Map.of("alert", "That alert was not found."), null, null);
            return Response.status(404).entity(render(filter, 0, missing)).build();
        }
        AlertView a = done.get().alert();
        String what = AlertTypes.label(a.type()) + " (" + a.questionnaireId() + ", session " + a.sessionNumber()
                + ")";
        String notice = (done.get().already() ? "Already acknowledged: " : "Acknowledged: ") + what + " by "
                + a.acknowledgedBy() + " on " + Dates.minute(a.acknowledgedAt()) + ".";
        return Response.ok(render(filter, 0, new Messages(notice, Map.of(), null, null))).build();
    }

    private TemplateInstance render(AlertInboxPage.Filter filter, int page, Messages messages) {
        return Templates.alerts(PageContext.of(caller), inbox.inbox(Visibility.of(caller), filter, page), messages);
    }

    /** The filter as asked, without the parts that are not valid, each named in {@code errors}. */
    private static AlertInboxPage.Filter filter(String type, String pair, String status, Map<String, String> errors) {
        String t = type == null || type.isBlank() ? null : type.strip();
        if (t != null && !Alerts.TYPES.contains(t)) {
            errors.put("type", "Choose an alert type from the list.");
            t = null;
        }
        UUID p = null;
        if (pair != null && !pair.isBlank()) {
            p = Ids.tryParse(pair.strip()).orElse(null);
            if (p == null) {
                errors.put("pair", "That pair was not found.");
            }
        }
        String s = status == null || status.isBlank() ? "open" : status.strip();
        if (!s.equals("open") && !s.equals("acknowledged")) {
            errors.put("status", "Choose open or acknowledged.");
            s = "open";
        }
        return new AlertInboxPage.Filter(t, p, s);
    }
}
