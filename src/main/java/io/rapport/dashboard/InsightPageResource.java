package io.rapport.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.rapport.audit.Audited;
import io.rapport.common.error.ApiException;
import io.rapport.insight.AccuracyInsights;
import io.rapport.insight.InsightService;
import io.rapport.insight.InsightService.Request;
import io.rapport.insight.InsightViews.EmpathyAlliance;
import io.rapport.insight.InsightViews.Figures;
import io.rapport.insight.InsightViews.OrganizationInsight;
import io.rapport.insight.InsightViews.ReliabilityInsight;
import io.rapport.insight.InsightViews.TagComparison;
import io.rapport.insight.InsightViews.TherapistComparison;
import io.rapport.insight.InsightViews.TherapistInsight;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/**
 * The insight pages: an admin sees the organization, every therapist compared fairly and each instrument's
 * reliability; a therapist sees only their own figures against the organization's. Each chart has a data table
 * under it and a CSV export, with the same suppression of small cells as the API.
 */
@Path("/app/insights")
@RolesAllowed({ Roles.ADMIN, Roles.THERAPIST })
@Produces(MediaType.TEXT_HTML)
public class InsightPageResource {

    static final String DEFAULT_INSTRUMENT = "wai-sr";
    /** The tables of a therapist's own figures, which every signed-in user may export. */
    private static final Set<String> OWN_TABLES = Set.of("mine", "mine-empathy-alliance");

    /** What the form above the figures asked for, echoed back into it. */
    public record Query(String questionnaire, String from, String to, List<String> instruments) {

        public String parameters() {
            return "questionnaire=" + enc(questionnaire) + (from == null ? "" : "&from=" + enc(from))
                    + (to == null ? "" : "&to=" + enc(to));
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code alliance}: whether the instrument is client-rated alliance, the one kind the correlation with
     * empathy is computed for; {@code columns} name the cells of each line; {@code csv} is the export's link, null
     * when the reader has none.
     */
    public record EmpathySection(boolean alliance, List<InsightPages.CorrelationLine> lines, List<String> notes,
            List<String> columns, String csv) {
    }

    /**
     * Empathic accuracy (issue 16): {@code available} when the instrument has a therapist's prediction form; one
     * line per cell (the organization, therapists) with its pairs, mean absolute and mean signed gap.
     */
    public record AccuracySection(boolean available, String predictionId, String definition,
            List<AccuracyLine> lines, int minPairs) {
    }

    /** A cell's figures as shown: "withheld" notes replace the numbers of a small cell. */
    public record AccuracyLine(String label, String pairs, String absolute, String signed, String note) {
    }

    public record OrganizationPage(OrganizationInsight insight, List<InsightPages.FigureLine> figures,
            List<String> notes, EmpathySection empathy, AccuracySection accuracy, String firstLatestChart,
            List<InsightPages.MonthLine> months,
            String monthlyChart,
            TherapistComparison comparison, List<InsightPages.TherapistLine> therapists, String therapistChart,
            ReliabilityInsight reliability, List<InsightPages.ReliabilityLine> reliabilityLines,
            List<String> tagNames, List<InsightPages.FigureLine> tagFigures, String tagChart, String csv) {
    }

    public record TherapistPage(TherapistInsight insight, String name, boolean own, String action,
            List<InsightPages.FigureLine> figures, List<String> notes, EmpathySection empathy,
            AccuracySection accuracy, String firstLatestChart,
            List<InsightPages.MonthLine> months, String monthlyChart, String csv) {
    }

    private final InsightService insight;
    private final QuestionnaireCatalog catalog;
    private final Caller caller;
    private final ObjectMapper json;
    private final AccuracyInsights accuracy;

    public InsightPageResource(InsightService insight, QuestionnaireCatalog catalog, Caller caller,
            ObjectMapper json, AccuracyInsights accuracy) {
        this.accuracy = accuracy;
        this.insight = insight;
        this.catalog = catalog;
        this.caller = caller;
        this.json = json;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organization(PageContext ctx, Query query, OrganizationPage page);

        static native TemplateInstance therapist(PageContext ctx, Query query, TherapistPage page);

        static native TemplateInstance refused(PageContext ctx, Query query, String field, String message);
    }

    /** The organization for an admin; for a therapist, their own figures. */
    @GET
    @Audited(objectType = "insight")
    @Operation(hidden = true)
    public Response page(@QueryParam("questionnaire") String questionnaire, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Query query = query(questionnaire, from, to);
        return answer(query, () -> {
            Request request = insight.request(caller.organizationId(), query.questionnaire(), from, to);
            if (!caller.hasRole(Roles.ADMIN)) {
                return Templates.therapist(PageContext.of(caller), query, therapistPage(query, request,
                        insight.therapist(request, ownId()), true));
            }
            return Templates.organization(PageContext.of(caller), query, organizationPage(query, request));
        });
    }

    /** One therapist against the organization, for admins; the id is the EHR's, as on the API. */
    @GET
    @Path("/therapists/{therapistId}")
    @RolesAllowed(Roles.ADMIN)
    @Audited(objectType = "insight", idParam = "therapistId")
    @Operation(hidden = true)
    public Response therapist(@PathParam("therapistId") String therapistId,
            @QueryParam("questionnaire") String questionnaire, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Query query = query(questionnaire, from, to);
        return answer(query, () -> {
            Request request = insight.request(caller.organizationId(), query.questionnaire(), from, to);
            return Templates.therapist(PageContext.of(caller), query,
                    therapistPage(query, request, insight.therapist(request, therapistId), false));
        });
    }

    /**
     * A table as CSV: {@code organization}, {@code empathy-alliance}, {@code tags}, {@code therapists},
     * {@code monthly} or {@code reliability} for admins, {@code mine} and {@code mine-empathy-alliance} (the
     * therapist's own figures against the organization's) for everyone. Suppressed cells stay empty.
     */
    @GET
    @Path("/{table}.csv")
    @Produces("text/csv")
    @Audited(action = "export", objectType = "insight", idParam = "table")
    @Operation(hidden = true)
    public Response csv(@PathParam("table") String table, @QueryParam("questionnaire") String questionnaire,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Query query = query(questionnaire, from, to);
        if (!OWN_TABLES.contains(table) && !caller.hasRole(Roles.ADMIN)) {
            throw new ForbiddenException();
        }
        try {
            Request request = insight.request(caller.organizationId(), query.questionnaire(), from, to);
            String csv = switch (table) {
                case "mine" -> {
                    TherapistInsight t = insight.therapist(request, ownId());
                    String name = t.therapist().name() == null ? t.therapist().therapistId() : t.therapist().name();
                    yield InsightCsv.figures(List.of(name, "Organization"),
                            List.of(t.therapist(), t.organization()));
                }
                case "mine-empathy-alliance" -> {
                    TherapistInsight t = insight.therapist(request, ownId());
                    String name = t.therapist().name() == null ? t.therapist().therapistId() : t.therapist().name();
                    yield InsightCsv.empathyAlliance(List.of(name, "Organization"),
                            List.of(t.empathyAlliance(), t.organizationEmpathyAlliance()));
                }
                case "empathy-alliance" -> InsightCsv.empathyAlliance(List.of("Organization"),
                        List.of(insight.organization(request).empathyAlliance()));
                case "organization" -> InsightCsv.figures(List.of("Organization"),
                        List.of(insight.organization(request).organization()));
                case "tags" -> {
                    TagComparison tags = insight.tags(request);
                    yield InsightCsv.figures(tagNames(tags), tagCells(tags));
                }
                case "monthly" -> InsightCsv.monthly(insight.organization(request).monthly());
                case "therapists" -> InsightCsv.therapists(insight.therapists(request));
                case "reliability" -> InsightCsv.reliability(insight.reliability(request, null));
                default -> throw ApiException.notFound("Table " + table);
            };
            return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"rapport-insight-" + query.questionnaire().replaceAll("[^A-Za-z0-9._-]", "_")
                            + "-" + table + ".csv\"")
                    .build();
        } catch (ApiException e) {
            return refusal(query, e);
        }
    }

    /** Only a therapist's own account may ask for "mine"; an admin without a therapist record has none. */
    private UUID ownId() {
        return caller.therapistId().orElseThrow(() -> ApiException.notFound("Therapist record of this account"));
    }

    private Query query(String questionnaire, String from, String to) {
        // The client's instruments: a therapist's own forms are set against them, not summarized alone.
        List<String> instruments = catalog.all().stream().filter(QuestionnaireDefinition::clientRated)
                .map(QuestionnaireDefinition::id).distinct().sorted().toList();
        String q = questionnaire == null || questionnaire.isBlank() ? DEFAULT_INSTRUMENT : questionnaire.strip();
        return new Query(q, blank(from), blank(to), instruments);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private OrganizationPage organizationPage(Query query, Request request) {
        OrganizationInsight org = insight.organization(request);
        TherapistComparison comparison = insight.therapists(request);
        ReliabilityInsight reliability = insight.reliability(request, null);
        TagComparison tags = insight.tags(request);
        List<String> tagNames = tagNames(tags);
        List<Figures> tagCells = tagCells(tags);
        List<String> names = List.of("Organization");
        return new OrganizationPage(org, InsightPages.figures(List.of(org.organization())),
                InsightPages.notes(List.of(org.organization())), empathy(query, List.of(org.empathyAlliance()), names,
                        "empathy-alliance"),
                accuracy(request, null, null),
                write(InsightPages.firstLatestChart(names, List.of(org.organization()))),
                InsightPages.months(List.of(org.monthly())), write(InsightPages.monthlyChart(names, List.of(org.monthly()))),
                comparison, InsightPages.therapists(comparison), write(InsightPages.therapistChart(comparison)),
                reliability, InsightPages.reliability(reliability), tagNames, InsightPages.figures(tagCells),
                write(InsightPages.firstLatestChart(tagNames, tagCells)), query.parameters());
    }

    /** The organization first, then each program tag, as the columns of the programs table and CSV. */
    private static List<String> tagNames(TagComparison tags) {
        List<String> names = new ArrayList<>(List.of("Organization"));
        tags.tags().forEach(t -> names.add(t.tag()));
        return names;
    }

    private static List<Figures> tagCells(TagComparison tags) {
        List<Figures> cells = new ArrayList<>(List.of(tags.organization()));
        tags.tags().forEach(t -> cells.add(t.figures()));
        return cells;
    }

    private TherapistPage therapistPage(Query query, Request request, TherapistInsight t, boolean own) {
        String name = t.therapist().name() == null ? t.therapist().therapistId() : t.therapist().name();
        List<String> names = List.of(own ? "You" : name, "Organization");
        var cells = List.of(t.therapist(), t.organization());
        String action = own ? "/app/insights"
                : "/app/insights/therapists/" + URLEncoder.encode(t.therapist().therapistId(), StandardCharsets.UTF_8);
        return new TherapistPage(t, name, own, action, InsightPages.figures(cells), InsightPages.notes(cells),
                empathy(query, List.of(t.empathyAlliance(), t.organizationEmpathyAlliance()), names,
                        own ? "mine-empathy-alliance" : null),
                accuracy(request, t.therapist().therapistId(), own ? "You" : name),
                write(InsightPages.firstLatestChart(names, cells)),
                InsightPages.months(List.of(t.monthly(), t.organizationMonthly())),
                write(InsightPages.monthlyChart(names, List.of(t.monthly(), t.organizationMonthly()))),
                query.parameters());
    }

    /** The organization first, then each therapist (or only {@code therapistId}, labelled {@code label}). */
    private AccuracySection accuracy(Request request, String therapistId, String label) {
        if (!accuracy.available(request.instrument().id())) {
            return new AccuracySection(false, null, null, List.of(), 0);
        }
        AccuracyInsights.AccuracyInsight a = accuracy.accuracy(request, therapistId);
        List<AccuracyLine> lines = new ArrayList<>();
        lines.add(InsightPages.accuracy("Organization", a.organization()));
        a.therapists().forEach(r -> lines.add(InsightPages.accuracy(label != null ? label
                : r.name() == null ? r.therapistId() : r.name() + " (" + r.therapistId() + ")", r)));
        return new AccuracySection(true, a.predictionId(), a.definition(), lines, a.minPairs());
    }

    private EmpathySection empathy(Query query, List<List<EmpathyAlliance>> columns, List<String> names,
            String csvTable) {
        boolean alliance = catalog.latest(query.questionnaire()).map(InsightService::clientRatedAlliance)
                .orElse(false);
        return new EmpathySection(alliance, InsightPages.empathyAlliance(columns),
                InsightPages.empathyAllianceNotes(columns), names,
                csvTable == null ? null : "/app/insights/" + csvTable + ".csv?" + query.parameters());
    }

    private Response answer(Query query, java.util.function.Supplier<TemplateInstance> page) {
        try {
            return Response.ok(page.get()).type(MediaType.TEXT_HTML_TYPE).build();
        } catch (ApiException e) {
            return refusal(query, e);
        }
    }

    /** A refused question is shown on the page, with the field it is about and the form to ask again. */
    private Response refusal(Query query, ApiException e) {
        String field = e.errors().isEmpty() ? null : e.errors().get(0).field();
        // The API names the instrument questionnaireId; the page's form field is questionnaire.
        field = "questionnaireId".equals(field) ? "questionnaire" : field;
        String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.refused(PageContext.of(caller), query, field, message)).build();
    }

    private String write(Map<String, Object> chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
