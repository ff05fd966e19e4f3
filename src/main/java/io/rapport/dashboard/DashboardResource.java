package io.rapport.dashboard;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.audit.Audited;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/** The caseload and pair pages. Without a session the browser is sent to the login page. */
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
        return parse(pairId)
                .flatMap(id -> pairs.pair(Visibility.of(caller), id))
                .map(p -> Response.ok(Templates.pair(ctx, p)))
                .orElseGet(() -> Response.status(404).entity(Templates.notFound(ctx)))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** A malformed id names nothing, like an unknown one. */
    private static Optional<UUID> parse(String id) {
        try {
            return id != null && id.length() == 36 ? Optional.of(UUID.fromString(id))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
