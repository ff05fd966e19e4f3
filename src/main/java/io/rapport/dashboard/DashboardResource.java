package io.rapport.dashboard;

import java.net.URI;
import java.time.Instant;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.audit.Audited;
import io.rapport.common.error.ApiException;
import io.rapport.common.web.FormBody;
import io.rapport.common.web.Ids;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/** The caseload and pair pages, a pair's report and export. Without a session the browser is sent to the login page. */
@Path("/app")
@RolesAllowed({ Roles.ADMIN, Roles.THERAPIST })
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private final CaseloadService caseload;
    private final PairPageService pairs;
    private final Caller caller;

    public DashboardResource(CaseloadService caseload, PairPageService pairs, Caller caller) {
        this.caseload = caseload;
        this.pairs = pairs;
        this.caller = caller;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance caseload(PageContext ctx, CaseloadPage caseload, boolean wholeOrganization);

        static native TemplateInstance pair(PageContext ctx, PairPage pair);

        static native TemplateInstance report(PageContext ctx, PairPage pair, Instant printedAt);

        static native TemplateInstance roomLink(PageContext ctx, PairPageService.RoomLink link);

        static native TemplateInstance notFound(PageContext ctx);
    }

    @GET
    @Audited(objectType = "caseload")
    @Operation(hidden = true)
    public TemplateInstance caseload(@QueryParam("q") String filter, @QueryParam("sort") String sort,
            @QueryParam("dir") String dir, @QueryParam("page") String page, @QueryParam("size") String size) {
        Visibility visibility = Visibility.of(caller);
        CaseloadPage result = caseload.caseload(visibility, CaseloadQuery.of(filter, sort, dir, page, size));
        return Templates.caseload(PageContext.of(caller), result, visibility.wholeOrganization());
    }

    @GET
    @Audited(objectType = "pair", idParam = "pairId")
    @Path("/pairs/{pairId}")
    @Operation(hidden = true)
    public Response pair(@PathParam("pairId") String pairId) {
        PageContext ctx = PageContext.of(caller);
        return Ids.tryParse(pairId)
                .flatMap(id -> pairs.pair(Visibility.of(caller), id))
                .map(p -> Response.ok(Templates.pair(ctx, p)))
                .orElseGet(() -> Response.status(404).entity(Templates.notFound(ctx)))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** The pair's scores for a spreadsheet or the clinical record. */
    @GET
    @Audited(action = "export", objectType = "pair", idParam = "pairId")
    @Path("/pairs/{pairId}/scores.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response scoresCsv(@PathParam("pairId") String pairId) {
        Optional<PairPageService.ScoresExport> export = Ids.tryParse(pairId)
                .flatMap(id -> pairs.scoresCsv(Visibility.of(caller), id));
        if (export.isEmpty()) {
            return Response.status(404).entity(Templates.notFound(PageContext.of(caller)))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.ok(export.get().csv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rapport-scores-"
                        + export.get().clientCode().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .build();
    }

    /** A printable page for the clinical record, through the browser's print to PDF. */
    @GET
    @Audited(action = "export", objectType = "pair", idParam = "pairId")
    @Path("/pairs/{pairId}/report")
    @Operation(hidden = true)
    public Response report(@PathParam("pairId") String pairId) {
        PageContext ctx = PageContext.of(caller);
        return Ids.tryParse(pairId)
                .flatMap(id -> pairs.pair(Visibility.of(caller), id))
                .map(p -> Response.ok(Templates.report(ctx, p, Instant.now())))
                .orElseGet(() -> Response.status(404).entity(Templates.notFound(ctx)))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /**
     * The therapist's own rating of a session (issue 16), sent from the pair page: back to the page when stored,
     * the page with the problems (422) when not; 404 for a pair that is not the caller's own.
     */
    @POST
    @Audited(action = "create", objectType = "therapist-rating", idParam = "sessionId")
    @Path("/pairs/{pairId}/sessions/{sessionId}/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rate(@PathParam("pairId") String pairId, @PathParam("sessionId") String sessionId,
            MultivaluedMap<String, String> body) {
        PageContext.checkCsrf(caller, body.getFirst("csrf"));
        PageContext ctx = PageContext.of(caller);
        Map<String, String> fields = FormBody.firstValues(body);
        Optional<UUID> session = Ids.tryParse(sessionId);
        Optional<UUID> pair = Ids.tryParse(pairId);
        Optional<PairPageService.Rated> rated = pair
                .flatMap(p -> session.flatMap(s -> pairs.rate(Visibility.of(caller), p, s, fields)));
        if (rated.isEmpty()) {
            return Response.status(404).entity(Templates.notFound(ctx)).type(MediaType.TEXT_HTML_TYPE).build();
        }
        if (rated.get().page() == null) {
            return Response.seeOther(URI.create("/app/pairs/" + pair.get())).build();
        }
        return Response.status(422).entity(Templates.pair(ctx, rated.get().page())).type(MediaType.TEXT_HTML_TYPE)
                .build();
    }

    /**
     * Issues a short-lived link and a QR code for an open assignment, for the client to answer in the room. A
     * POST: it creates a link, and carries the CSRF token.
     */
    @POST
    @Audited(action = "send", objectType = "assignment", idParam = "assignmentId")
    @Path("/pairs/{pairId}/assignments/{assignmentId}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response roomLink(@PathParam("pairId") String pairId, @PathParam("assignmentId") String assignmentId,
            @FormParam("csrf") String csrf) {
        PageContext.checkCsrf(caller, csrf);
        PageContext ctx = PageContext.of(caller);
        Optional<UUID> assignment = Ids.tryParse(assignmentId);
        return Ids.tryParse(pairId)
                .flatMap(id -> assignment.flatMap(a -> pairs.roomLink(Visibility.of(caller), id, a)))
                .map(link -> Response.ok(Templates.roomLink(ctx, link)))
                .orElseGet(() -> Response.status(404).entity(Templates.notFound(ctx)))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /**
     * Turns the client's own chart off or back on for the pair; {@code show} is {@code on} or {@code off}. Sending
     * the same form twice stores the same choice, so it needs no double-submit guard.
     */
    @POST
    @Audited(action = "update", objectType = "pair", idParam = "pairId")
    @Path("/pairs/{pairId}/client-chart")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response clientChart(@PathParam("pairId") String pairId, @FormParam("csrf") String csrf,
            @FormParam("show") String show) {
        PageContext.checkCsrf(caller, csrf);
        if (!"on".equals(show) && !"off".equals(show)) {
            throw ApiException.invalid("show", "must be on or off");
        }
        return Ids.tryParse(pairId)
                .flatMap(id -> pairs.setClientChart(Visibility.of(caller), id, "on".equals(show)))
                .map(id -> Response.seeOther(URI.create("/app/pairs/" + id + "#client-chart")))
                .orElseGet(() -> Response.status(404).entity(Templates.notFound(PageContext.of(caller)))
                        .type(MediaType.TEXT_HTML_TYPE))
                .build();
    }
}
