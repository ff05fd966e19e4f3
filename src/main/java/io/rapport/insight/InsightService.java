package io.rapport.insight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.insight.InsightQueries.Activity;
import io.rapport.insight.InsightQueries.EmpathyAllianceSums;
import io.rapport.insight.InsightQueries.Grouping;
import io.rapport.insight.InsightQueries.ItemRange;
import io.rapport.insight.InsightQueries.ItemSums;
import io.rapport.insight.InsightQueries.Month;
import io.rapport.insight.InsightQueries.Ruptures;
import io.rapport.insight.InsightQueries.Scope;
import io.rapport.insight.InsightQueries.Scores;
import io.rapport.insight.InsightQueries.TherapistRef;
import io.rapport.insight.InsightStatistics.Correlation;
import io.rapport.insight.InsightStatistics.Group;
import io.rapport.insight.InsightStatistics.MeanCi;
import io.rapport.insight.InsightStatistics.Shrunk;
import io.rapport.insight.InsightViews.CeilingByCandour;
import io.rapport.insight.InsightViews.CutoffUsed;
import io.rapport.insight.InsightViews.EmpathyAlliance;
import io.rapport.insight.InsightViews.Figures;
import io.rapport.insight.InsightViews.ItemRest;
import io.rapport.insight.InsightViews.MonthFigures;
import io.rapport.insight.InsightViews.OrganizationInsight;
import io.rapport.insight.InsightViews.Period;
import io.rapport.insight.InsightViews.ReliabilityInsight;
import io.rapport.insight.InsightViews.ScaleReliabilityView;
import io.rapport.insight.InsightViews.TagComparison;
import io.rapport.insight.InsightViews.TagRow;
import io.rapport.insight.InsightViews.TherapistComparison;
import io.rapport.insight.InsightViews.TherapistInsight;
import io.rapport.insight.InsightViews.TherapistRow;
import io.rapport.insight.InsightViews.VersionReliability;
import io.rapport.questionnaire.Cutoff;
import io.rapport.questionnaire.Direction;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * Validates the request, asks {@link InsightQueries} for sums and turns them into figures, suppressing small cells.
 * Read-only: a refusal (unknown therapist or version) leaves the caller's transaction usable, so a page can show the
 * refusal and its read is still audited.
 */
@ApplicationScoped
public class InsightService {

    private static final int TREND_MONTHS = 12;
    private static final String ALLIANCE = "alliance";
    private static final String EMPATHY = "empathy";
    /** The note of a cell withheld by complementary suppression (the page says so instead of "too few clients"). */
    public static final String COMPLEMENTARY = "suppressed: shown beside the total, this cell would let the small"
            + " cells withheld with it be worked out (the total minus the cells shown); complementary suppression";

    private final InsightQueries queries;
    private final InsightSummaryJob summary;
    private final QuestionnaireCatalog catalog;
    private final InsightConfig config;

    public InsightService(InsightQueries queries, InsightSummaryJob summary, QuestionnaireCatalog catalog,
            InsightConfig config) {
        this.queries = queries;
        this.summary = summary;
        this.catalog = catalog;
        this.config = config;
    }

    /** A validated request: the instrument's latest definition and the period. */
    public record Request(UUID organizationId, QuestionnaireDefinition instrument, Period period) {

        Scope scope(UUID therapistId) {
            return new Scope(organizationId, instrument.id(), period.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), therapistId);
        }

        /** The 12 calendar months ending with the period's last day. */
        Scope trendScope(UUID therapistId) {
            LocalDate start = period.to().withDayOfMonth(1).minusMonths(TREND_MONTHS - 1L);
            return new Scope(organizationId, instrument.id(), start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), therapistId);
        }
    }

    /**
     * Checks the instrument and the period: unknown instrument 404 naming {@code questionnaireId}; unparseable
     * dates, an inverted period or one longer than the configured years 400 naming the field.
     */
    public Request request(UUID organizationId, String questionnaireId, String from, String to) {
        QuestionnaireDefinition d = catalog.latest(questionnaireId).orElseThrow(() -> new ApiException(404,
                "not-found", "Not Found", "questionnaireId: no questionnaire '" + questionnaireId + "'",
                List.of(new FieldError("questionnaireId", "no questionnaire '" + questionnaireId + "'"))));
        // By default the 12 calendar months ending with this one: whole months are read from the summary.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate end = date("to", to, today.withDayOfMonth(today.lengthOfMonth()));
        LocalDate start = date("from", from, end.withDayOfMonth(1).minusMonths(TREND_MONTHS - 1L));
        if (end.isBefore(start)) {
            throw ApiException.invalid("to", "must not be before from (" + start + ")");
        }
        LocalDate earliest = end.minusYears(config.maxPeriodYears()).plusDays(1);
        if (start.isBefore(earliest)) {
            throw ApiException.invalid("from", "the period may cover at most " + config.maxPeriodYears()
                    + " years: from must be on or after " + earliest);
        }
        return new Request(organizationId, d, new Period(start, end));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public OrganizationInsight organization(Request request) {
        summary.catchUp(request.organizationId());
        Figures org = figures(request, null, null, Grouping.ORGANIZATION).get(0);
        return new OrganizationInsight(request.instrument().id(), request.period(), cutoff(request.instrument()),
                config.minClients(), org, monthly(request.trendScope(null)),
                empathyAlliance(request, sums(request, null), false));
    }

    /** 404 for a therapist the organization does not have. */
    @Transactional(dontRollbackOn = ApiException.class)
    public TherapistInsight therapist(Request request, String externalId) {
        summary.catchUp(request.organizationId());
        return therapistInsight(request, queries.therapist(request.organizationId(), externalId)
                .orElseThrow(() -> ApiException.notFound("Therapist " + externalId)));
    }

    private TherapistInsight therapistInsight(Request request, TherapistRef t) {
        Figures own = figures(request, t, Map.of(t.id(), t), Grouping.THERAPIST).get(0);
        Figures org = figures(request, null, null, Grouping.ORGANIZATION).get(0);
        // Side by side, the organization minus this therapist is everyone else: withheld when that is a small cell.
        if (!org.suppressed() && own.clients() != null
                && InsightStatistics.suppressed(org.clients() - own.clients(), config.minClients())) {
            org = withheld(null, withoutTherapist(config.minClients()));
        }
        List<EmpathyAllianceSums> ownSums = sums(request, t.id());
        List<EmpathyAllianceSums> orgSums = sums(request, null);
        List<EmpathyAlliance> ownCorrelations = empathyAlliance(request, ownSums, true);
        List<EmpathyAlliance> orgCorrelations = new ArrayList<>();
        for (EmpathyAlliance o : empathyAlliance(request, orgSums, false)) {
            orgCorrelations.add(besideTherapist(o, ownCorrelations, ownSums, orgSums));
        }
        return new TherapistInsight(request.instrument().id(), request.period(), cutoff(request.instrument()),
                config.minPairs(), config.minClients(), minPairs(own), org, monthly(request.trendScope(t.id())),
                monthly(request.trendScope(null)), ownCorrelations, List.copyOf(orgCorrelations));
    }

    /**
     * The client-rated empathy instruments' sums against the view's instrument, when it is a client-rated alliance
     * instrument; otherwise none. Only client ratings: a therapist's view of either is another question.
     */
    private List<EmpathyAllianceSums> sums(Request request, UUID therapistId) {
        if (!clientRatedAlliance(request.instrument())) {
            return List.of();
        }
        List<String> empathy = catalog.all().stream().filter(d -> clientRated(d, EMPATHY))
                .map(QuestionnaireDefinition::id).distinct().sorted().toList();
        return empathy.isEmpty() ? List.of() : queries.empathyAlliance(request.scope(therapistId), empathy);
    }

    /** Whether the correlation with empathy is computed for this instrument. */
    public static boolean clientRatedAlliance(QuestionnaireDefinition d) {
        return clientRated(d, ALLIANCE);
    }

    private static boolean clientRated(QuestionnaireDefinition d, String construct) {
        return construct.equals(d.construct()) && d.clientRated();
    }

    /** One correlation per empathy instrument with data; a therapist's below the minimum pairs has no r. */
    private List<EmpathyAlliance> empathyAlliance(Request request, List<EmpathyAllianceSums> sums,
            boolean therapist) {
        List<EmpathyAlliance> result = new ArrayList<>();
        for (EmpathyAllianceSums s : sums) {
            String empathy = s.empathyQuestionnaireId();
            String alliance = request.instrument().id();
            if (InsightStatistics.suppressed(s.clients(), config.minClients())) {
                result.add(new EmpathyAlliance(empathy, alliance, true, null, null, null, null,
                        List.of("suppressed: fewer than " + config.minClients() + " clients")));
                continue;
            }
            if (therapist && s.pairs() < config.minPairs()) {
                result.add(new EmpathyAlliance(empathy, alliance, false, s.pairs(), null, null, null,
                        List.of("the correlation is shown from " + config.minPairs() + " pairs; " + s.pairs()
                                + " so far")));
                continue;
            }
            Correlation c = InsightStatistics.pearson(s.pairs(), s.sumX(), s.sumY(), s.sumOfSquaresX(),
                    s.sumOfSquaresY(), s.sumOfProducts());
            List<String> notes = new ArrayList<>();
            if (c.r() == null) {
                notes.add("no correlation: the empathy or the alliance totals do not vary");
            } else if (c.lower95() == null) {
                notes.add("no interval: Fisher's z needs at least 4 pairs");
            }
            result.add(new EmpathyAlliance(empathy, alliance, false, c.n(), c.r(), c.lower95(), c.upper95(),
                    List.copyOf(notes)));
        }
        return List.copyOf(result);
    }

    /**
     * Side by side with the therapist's, the organization's correlation is withheld when the organization without
     * this therapist is a small cell, as the figures beside it are.
     */
    private EmpathyAlliance besideTherapist(EmpathyAlliance org, List<EmpathyAlliance> own,
            List<EmpathyAllianceSums> ownSums, List<EmpathyAllianceSums> orgSums) {
        String empathy = org.empathyQuestionnaireId();
        boolean ownShown = own.stream().anyMatch(o -> o.empathyQuestionnaireId().equals(empathy) && !o.suppressed());
        long ownClients = clients(ownSums, empathy);
        if (org.suppressed() || !ownShown
                || !InsightStatistics.suppressed(clients(orgSums, empathy) - ownClients, config.minClients())) {
            return org;
        }
        return new EmpathyAlliance(empathy, org.allianceQuestionnaireId(), true, null, null, null, null,
                List.of(withoutTherapist(config.minClients())));
    }

    /**
     * The note of the organization's cell withheld beside one therapist's: the organization minus the therapist,
     * everyone else, is a small cell the two side by side would show.
     */
    static String withoutTherapist(int minClients) {
        return "suppressed: the organization without this therapist has fewer than " + minClients
                + " clients, whose figures the two side by side would show";
    }

    private static long clients(List<EmpathyAllianceSums> sums, String empathy) {
        return sums.stream().filter(s -> s.empathyQuestionnaireId().equals(empathy))
                .mapToLong(EmpathyAllianceSums::clients).sum();
    }

    /** The same for a therapist named by Rapport's id (a signed-in therapist's own); 404 when unknown. */
    @Transactional(dontRollbackOn = ApiException.class)
    public TherapistInsight therapist(Request request, UUID therapistId) {
        summary.catchUp(request.organizationId());
        TherapistRef t = queries.therapist(request.organizationId(), therapistId)
                .orElseThrow(() -> ApiException.notFound("Therapist " + therapistId));
        return therapistInsight(request, t);
    }

    /** Each program tag with a session in the period (a pair counts in its own tags and its therapist's). */
    @Transactional(dontRollbackOn = ApiException.class)
    public TagComparison tags(Request request) {
        summary.catchUp(request.organizationId());
        Map<UUID, String> tags = queries.tags(request.organizationId());
        return tagComparison(request, tags, null);
    }

    /** One program tag; 404 naming {@code tag} when no therapist or pair of the organization carries it. */
    @Transactional(dontRollbackOn = ApiException.class)
    public TagComparison tag(Request request, String tag) {
        summary.catchUp(request.organizationId());
        Map<UUID, String> tags = queries.tags(request.organizationId());
        if (!tags.containsValue(tag)) {
            throw new ApiException(404, "not-found", "Not Found", "tag: no therapist or pair carries '" + tag + "'",
                    List.of(new FieldError("tag", "no therapist or pair carries '" + tag + "'")));
        }
        return tagComparison(request, tags, tag);
    }

    private TagComparison tagComparison(Request request, Map<UUID, String> tags, String only) {
        Map<UUID, TherapistRef> refs = new HashMap<>();
        tags.forEach((key, name) -> refs.put(key, new TherapistRef(key, null, name)));
        List<TagRow> rows = new ArrayList<>();
        if (only != null) {
            UUID key = tags.entrySet().stream().filter(e -> e.getValue().equals(only)).findFirst().orElseThrow()
                    .getKey();
            rows.add(new TagRow(only, figures(request, null, refs, Grouping.TAG).stream()
                    .filter(f -> only.equals(f.name())).findFirst()
                    .orElseGet(() -> figures(refs.get(key), null, null, null, cutoff(request.instrument())))));
        } else {
            figures(request, null, refs, Grouping.TAG).forEach(f -> rows.add(new TagRow(f.name(), f)));
        }
        rows.sort(Comparator.comparing(TagRow::tag));
        return new TagComparison(request.instrument().id(), request.period(), cutoff(request.instrument()),
                config.minClients(), figures(request, null, null, Grouping.ORGANIZATION).get(0), rows);
    }

    /**
     * Every therapist with a session in the period. Those with at least {@code minPairs} pairs and not suppressed
     * are compared: ranked on the shrunken mean latest total, never on raw means.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public TherapistComparison therapists(Request request) {
        summary.catchUp(request.organizationId());
        Map<UUID, TherapistRef> refs = queries.therapists(request.organizationId());
        List<Figures> rows = figures(request, null, refs, Grouping.THERAPIST);
        Figures org = figures(request, null, null, Grouping.ORGANIZATION).get(0);
        List<Figures> compared = rows.stream().filter(this::comparable).toList();
        List<Shrunk> shrunk = InsightStatistics.shrink(compared.stream().map(f -> new Group(f.therapistId(),
                f.latestAlliance().n(), f.latestAlliance().mean(), f.latestAlliance().sd() == null ? 0
                        : f.latestAlliance().sd() * f.latestAlliance().sd()))
                .toList());
        boolean higherIsBetter = higherIsBetter(request.instrument());
        Comparator<Shrunk> order = Comparator.comparingDouble(Shrunk::estimate);
        List<Shrunk> ranked = new ArrayList<>(shrunk);
        ranked.sort(higherIsBetter ? order.reversed() : order);
        List<TherapistRow> result = new ArrayList<>();
        for (Figures f : rows) {
            Shrunk s = shrunk.stream().filter(x -> x.key().equals(f.therapistId())).findFirst().orElse(null);
            result.add(s == null ? new TherapistRow(minPairs(f), false, null, null, null)
                    : new TherapistRow(f, true, s.estimate(), s.shrinkage(), ranked.indexOf(s) + 1));
        }
        result.sort(Comparator.comparing((TherapistRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(r -> r.figures().therapistId()));
        return new TherapistComparison(request.instrument().id(), request.period(), cutoff(request.instrument()),
                config.minPairs(), config.minClients(),
                "empirical Bayes estimate of the mean latest total, " + (higherIsBetter ? "highest" : "lowest")
                        + " first",
                org, result);
    }

    /**
     * Reliability from the organization's own answers, per version (all the catalog has, or {@code version}) and
     * scale. 404 naming {@code version} for a version the catalog does not have.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public ReliabilityInsight reliability(Request request, String version) {
        String id = request.instrument().id();
        List<QuestionnaireDefinition> versions = version == null || version.isBlank()
                ? catalog.all().stream().filter(d -> d.id().equals(id)).toList()
                : List.of(catalog.get(id, version.strip()).orElseThrow(() -> new ApiException(404, "not-found",
                        "Not Found", "version: no version '" + version + "' of " + id,
                        List.of(new FieldError("version", "no version '" + version + "' of " + id)))));
        List<VersionReliability> result = new ArrayList<>();
        for (QuestionnaireDefinition d : versions) {
            result.add(versionReliability(request.scope(null), d));
        }
        return new ReliabilityInsight(id, request.period(), config.alphaFloor(), config.minClients(), result);
    }

    private VersionReliability versionReliability(Scope scope, QuestionnaireDefinition d) {
        List<Item> items = d.items();
        List<ItemRange> ranges = items.stream().map(i -> new ItemRange(i.id(), i.min().doubleValue(),
                i.max().doubleValue(), i.reverse())).toList();
        Map<String, int[]> scales = new LinkedHashMap<>();
        scales.put(QuestionnaireDefinition.TOTAL, indexes(items, d.scaleItems(QuestionnaireDefinition.TOTAL)));
        d.subscales().keySet().forEach(name -> scales.put(name, indexes(items, d.scaleItems(name))));
        ItemSums sums = queries.itemSums(scope, d.version(), ranges, scales);
        // One response per pair, so n is also the number of clients an alpha would describe at most.
        if (InsightStatistics.suppressed(sums.n(), config.minClients())) {
            return new VersionReliability(d.version(), true, null, List.of());
        }
        List<ScaleReliabilityView> views = new ArrayList<>();
        scales.forEach((name, index) -> {
            int k = index.length;
            double[] s = new double[k];
            double[][] c = new double[k][k];
            boolean[] reverse = new boolean[k];
            for (int a = 0; a < k; a++) {
                s[a] = sums.sums()[index[a]];
                reverse[a] = ranges.get(index[a]).reverse();
                for (int b = 0; b < k; b++) {
                    c[a][b] = sums.crossSums()[index[a]][index[b]];
                }
            }
            InsightStatistics.ScaleReliability r = InsightStatistics.reliability(sums.n(), s, c, reverse,
                    config.alphaFloor());
            List<ItemRest> itemRest = new ArrayList<>();
            for (int a = 0; a < k; a++) {
                itemRest.add(new ItemRest(ranges.get(index[a]).id(), r.itemRest().get(a)));
            }
            List<String> notes = new ArrayList<>();
            if (r.alpha() == null) {
                notes.add(sums.n() < 3 || k < 2 ? "no alpha: it needs at least 3 responses and 2 items"
                        : "no alpha: the scale's answers do not vary");
            }
            long[] ends = sums.ends().get(name);
            Double ceiling = sums.n() > 0 ? (double) ends[0] / sums.n() : null;
            Double floor = sums.n() > 0 ? (double) ends[1] / sums.n() : null;
            views.add(new ScaleReliabilityView(name, k, r.alpha(), r.lower95(), r.upper95(), r.flagged(), itemRest,
                    ceiling, floor, new CeilingByCandour(sums.withCandour(), share(ends[2], sums.withCandour()),
                            sums.withoutCandour(), share(ends[3], sums.withoutCandour())),
                    List.copyOf(notes)));
        });
        return new VersionReliability(d.version(), false, sums.n(), views);
    }

    /** A share of a part of the sample, withheld below the minimum clients (one response per pair). */
    private Double share(long count, long of) {
        return of == 0 || InsightStatistics.suppressed(of, config.minClients()) ? null : (double) count / of;
    }

    private static int[] indexes(List<Item> items, List<String> ids) {
        return ids.stream().mapToInt(id -> {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals(id)) {
                    return i;
                }
            }
            throw new IllegalStateException("scale item " + id + " is not an item");
        }).toArray();
    }

    private boolean comparable(Figures f) {
        return !f.suppressed() && f.latestAlliance() != null && f.latestAlliance().n() >= config.minPairs();
    }

    /** Below the minimum pairs, a therapist's alliance means are not shown: too few to mean anything. */
    private Figures minPairs(Figures f) {
        if (f.suppressed() || f.pairs() == null || f.pairs() >= config.minPairs()) {
            return f;
        }
        List<String> notes = new ArrayList<>(f.notes());
        notes.add("alliance means are shown from " + config.minPairs() + " pairs with a scored total; "
                + f.pairs() + " so far");
        return new Figures(f.therapistId(), f.name(), false, f.clients(), f.sessions(), f.assignmentsSent(),
                f.completed(), f.expired(), f.cancelled(), f.open(), f.responseRate(), f.medianHoursToAnswer(),
                f.pairs(), f.scoredSessions(), null, null, null, f.ruptures(), f.rupturesPer100ScoredSessions(),
                f.repaired(), f.unrepaired(), f.repairedShare(), f.openUnrepaired(), List.copyOf(notes));
    }

    /** One figures row per group; with {@code only}, the row of that therapist (empty figures if they have none). */
    private List<Figures> figures(Request request, TherapistRef only, Map<UUID, TherapistRef> refs,
            Grouping grouping) {
        Scope scope = request.scope(only == null ? null : only.id());
        CutoffUsed cutoff = cutoff(request.instrument());
        String beyond = cutoff.value() == null ? null : "below".equals(cutoff.direction()) ? "<" : ">";
        Map<UUID, Activity> activity = queries.activity(scope, grouping);
        Map<UUID, Scores> scores = queries.scores(scope, grouping, beyond, cutoff.value());
        Map<UUID, Ruptures> ruptures = queries.ruptures(scope, grouping);
        List<UUID> keys = new ArrayList<>();
        if (grouping == Grouping.ORGANIZATION) {
            keys.add(null);
        } else if (only != null) {
            keys.add(only.id());
        } else {
            keys.addAll(activity.keySet());
        }
        // A list of cells is shown beside the organization's total: withhold what would give the small ones away.
        Set<String> beside = only == null && grouping != Grouping.ORGANIZATION ? complementary(keys, activity, scores)
                : Set.of();
        List<Figures> result = new ArrayList<>();
        for (UUID key : keys) {
            TherapistRef ref = key == null ? null : refs.get(key);
            result.add(beside.contains(String.valueOf(key)) ? withheld(ref, COMPLEMENTARY)
                    : figures(ref, activity.get(key), scores.get(key), ruptures.get(key), cutoff));
        }
        result.sort(Comparator.comparing(f -> f.therapistId() == null ? "" : f.therapistId()));
        return result;
    }

    private Set<String> complementary(List<UUID> keys, Map<UUID, Activity> activity, Map<UUID, Scores> scores) {
        Map<String, Long> clients = new HashMap<>();
        Set<String> small = new HashSet<>();
        for (UUID key : keys) {
            Activity a = activity.get(key);
            Scores s = scores.get(key);
            clients.put(String.valueOf(key), Math.max(a == null ? 0 : a.clients(), s == null ? 0 : s.clients()));
            if (small(a, s)) {
                small.add(String.valueOf(key));
            }
        }
        return InsightStatistics.complementary(clients, small, config.minClients());
    }

    private boolean small(Activity a, Scores s) {
        return InsightStatistics.suppressed(a == null ? 0 : a.clients(), config.minClients())
                || InsightStatistics.suppressed(s == null ? 0 : s.clients(), config.minClients());
    }

    private static Figures withheld(TherapistRef ref, String note) {
        return new Figures(ref == null ? null : ref.externalId(), ref == null ? null : ref.displayName(), true, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(note));
    }

    private Figures figures(TherapistRef ref, Activity a, Scores s, Ruptures r, CutoffUsed cutoff) {
        String id = ref == null ? null : ref.externalId();
        String name = ref == null ? null : ref.displayName();
        long clients = Math.max(a == null ? 0 : a.clients(), s == null ? 0 : s.clients());
        if (small(a, s)) {
            return withheld(ref, "suppressed: fewer than " + config.minClients() + " clients");
        }
        List<String> notes = new ArrayList<>();
        a = a == null ? new Activity(0, 0, 0, 0, 0, 0, 0, null, false) : a;
        s = s == null ? new Scores(0, 0, 0, 0, 0, 0, 0, 0) : s;
        r = r == null ? new Ruptures(0, 0, 0, 0) : r;
        long resolved = a.sent() - a.open();
        Double responseRate = resolved > 0 ? (double) a.completed() / resolved : null;
        if (a.medianBinned() && a.medianSecondsToAnswer() != null) {
            notes.add("median time to answer read from the summary's time bins (edges from 5 minutes to 14 days),"
                    + " interpolated within its bin; a period of whole calendar months is read from the summary");
        }
        if (responseRate == null) {
            notes.add("no response rate: no assignment of the period has been completed, expired or cancelled");
        }
        Double beyondShare = null;
        if (cutoff.value() == null) {
            notes.add("no cutoff: the questionnaire file gives none for the total");
        } else if (s.pairs() > 0) {
            beyondShare = (double) s.beyondCutoff() / s.pairs();
        }
        long closed = r.repaired() + r.unrepaired();
        return new Figures(id, name, false, clients, a.sessions(), a.sent(), a.completed(), a.expired(),
                a.cancelled(), a.open(), responseRate,
                a.medianSecondsToAnswer() == null ? null : a.medianSecondsToAnswer() / 3600, s.pairs(),
                s.scoredSessions(), InsightStatistics.meanCi(s.pairs(), s.firstSum(), s.firstSumOfSquares()),
                InsightStatistics.meanCi(s.pairs(), s.latestSum(), s.latestSumOfSquares()), beyondShare,
                r.ruptures(), s.scoredSessions() > 0 ? 100.0 * r.ruptures() / s.scoredSessions() : null, r.repaired(),
                r.unrepaired(), closed > 0 ? (double) r.repaired() / closed : null, r.openUnrepaired(),
                List.copyOf(notes));
    }

    private List<MonthFigures> monthly(Scope scope) {
        List<MonthFigures> result = new ArrayList<>();
        for (Month m : queries.monthly(scope)) {
            boolean suppressed = InsightStatistics.suppressed(m.clients(), config.minClients());
            MeanCi mean = suppressed ? null : InsightStatistics.meanCi(m.n(), m.sum(), m.sumOfSquares());
            result.add(new MonthFigures(m.month(), suppressed, suppressed ? null : m.n(), mean));
        }
        return result;
    }

    static CutoffUsed cutoff(QuestionnaireDefinition d) {
        return d.interpretation().stream().filter(c -> QuestionnaireDefinition.TOTAL.equals(c.scale())).findFirst()
                .map(InsightService::cutoffUsed).orElse(new CutoffUsed(null, null, null));
    }

    private static CutoffUsed cutoffUsed(Cutoff c) {
        return new CutoffUsed(c.value().doubleValue(), c.direction() == Direction.BELOW ? "below" : "above",
                c.source());
    }

    /** Concern below the cutoff means higher is better; without a cutoff, alliance scales are higher-is-better. */
    private static boolean higherIsBetter(QuestionnaireDefinition d) {
        return d.interpretation().stream().filter(c -> QuestionnaireDefinition.TOTAL.equals(c.scale())).findFirst()
                .map(c -> c.direction() == Direction.BELOW).orElse(true);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date as YYYY-MM-DD");
        }
    }
}
