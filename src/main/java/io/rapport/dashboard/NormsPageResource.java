package io.rapport.dashboard;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.norms.LocalNorm;
import io.rapport.norms.NormView;
import io.rapport.norms.NormsService;
import io.rapport.norms.PublishedConstants;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/** Admins see the organization's local norms and the constants it published, with their sources. */
@Path("/app/norms")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class NormsPageResource {

    /** One row of the norms table, formatted. */
    public record NormRow(String instrument, String scale, String pairs, String responses, String mean, String sd,
            String withinSd, String noiseSd, String alpha, String sem, String threshold, String computedAt,
            boolean inUse, String status) {

        static NormRow of(NormView v) {
            LocalNorm n = v.norm();
            String alpha = n.alpha() == null ? "—"
                    : f(n.alpha()) + " [" + f(n.alphaLower95()) + ", " + f(n.alphaUpper95()) + "], N "
                            + n.alphaResponses();
            return new NormRow(n.questionnaireId() + " " + n.version(), n.scale(), String.valueOf(n.pairs()),
                    String.valueOf(n.responses()), f(n.mean()), f(n.sd()), f(n.withinSd()), f(n.noiseSd()), alpha,
                    f(n.sem()), f(v.reliableChangeThreshold95()), n.computedAt().toString(), v.inUse(), v.status());
        }
    }

    /** One published scale, formatted. */
    public record ConstantRow(String instrument, String scale, String referenceSd, String reliability,
            String citation, String link, String setBy, String setAt, int revision) {
    }

    private final NormsService norms;
    private final Caller caller;

    public NormsPageResource(NormsService norms, Caller caller) {
        this.norms = norms;
        this.caller = caller;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance norms(PageContext ctx, List<NormRow> norms, List<ConstantRow> constants,
                int minPairs);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        List<NormView> views = norms.norms(caller.organizationId(), null);
        List<ConstantRow> constants = norms.current(caller.organizationId(), null).stream()
                .flatMap(c -> c.scales().entrySet().stream().map(e -> row(c, e.getKey(), e.getValue()))).toList();
        return Templates.norms(PageContext.of(caller), views.stream().map(NormRow::of).toList(), constants,
                norms.minPairs());
    }

    private static ConstantRow row(PublishedConstants c, String scale, PublishedConstants.Scale s) {
        return new ConstantRow(c.questionnaireId() + " " + c.version(), scale, f(s.referenceSd()), f(s.reliability()),
                c.citation(), c.link(), c.setBy(), c.setAt().toString(), c.revision());
    }

    private static String f(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
