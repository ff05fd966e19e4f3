package io.rapport.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.care.Client;
import io.rapport.care.ClientChartRequest;
import io.rapport.care.ClientRepository;
import io.rapport.care.Pair;
import io.rapport.care.PairRepository;
import io.rapport.care.PairService;
import io.rapport.care.Therapist;
import io.rapport.care.TherapistRepository;
import io.rapport.care.TherapySession;
import io.rapport.care.TherapySessionRepository;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.persistence.ReadModel;
import io.rapport.delivery.Assignment;
import io.rapport.delivery.AssignmentRepository;
import io.rapport.delivery.ChannelService;
import io.rapport.delivery.DeliveryPolicy;
import io.rapport.delivery.form.FormPageBuilder;
import io.rapport.delivery.form.TherapistRatings;
import io.rapport.perspective.PerspectiveService;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.QuestionnaireText;
import io.rapport.trend.Point;
import io.rapport.trend.api.InstrumentTrend;
import io.rapport.trend.api.TrendService;

/** Reads one pair for its page, its report and its export, if the caller may see it. */
@ApplicationScoped
@ReadModel("The pair page's latest answers and score table are each one statement over responses and their sessions")
public class PairPageService {

    private static final String EMPATHY = "empathy";

    /** A link and its QR code for the client in the room; {@code qrPng} is a data URI. */
    public record RoomLink(UUID pairId, String questionnaireId, String url, Instant expiresAt, String qrPng) {
    }

    /** A pair's CSV export and the client code its file is named after. */
    public record ScoresExport(String clientCode, String csv) {
    }

    private final PairRepository pairs;
    private final ClientRepository clients;
    private final TherapistRepository therapists;
    private final TherapySessionRepository sessions;
    private final AssignmentRepository assignments;
    private final TrendService trends;
    private final QuestionnaireCatalog catalog;
    private final ChannelService channels;
    private final ObjectMapper json;
    private final EntityManager em;
    private final PerspectiveService perspectives;
    private final TherapistRatings ratings;
    private final DeliveryPolicy policy;
    private final PairService pairService;

    public PairPageService(PairRepository pairs, ClientRepository clients, TherapistRepository therapists,
            TherapySessionRepository sessions, AssignmentRepository assignments, TrendService trends,
            QuestionnaireCatalog catalog, ChannelService channels, ObjectMapper json, EntityManager em,
            PerspectiveService perspectives, TherapistRatings ratings, DeliveryPolicy policy, PairService pairService) {
        this.perspectives = perspectives;
        this.ratings = ratings;
        this.pairs = pairs;
        this.clients = clients;
        this.therapists = therapists;
        this.sessions = sessions;
        this.assignments = assignments;
        this.trends = trends;
        this.catalog = catalog;
        this.channels = channels;
        this.json = json;
        this.em = em;
        this.policy = policy;
        this.pairService = pairService;
    }

    /** Empty when the pair does not exist, belongs to another organization or to another therapist. */
    @Transactional
    public Optional<PairPage> pair(Visibility visibility, UUID pairId) {
        return pair(visibility, pairId, null, Map.of(), Map.of());
    }

    /**
     * Stores the pair's therapist's own rating of a session. Empty when the pair is not visible, the reader is not
     * its therapist or the session is not the pair's; otherwise the page, with the problems when nothing was stored.
     */
    @Transactional
    public Optional<Rated> rate(Visibility visibility, UUID pairId, UUID sessionId, Map<String, String> form) {
        Optional<Pair> found = visible(visibility, pairId)
                .filter(p -> p.therapistId.equals(visibility.therapistId()));
        if (found.isEmpty() || sessions.findInOrganization(visibility.organizationId(), sessionId)
                .filter(s -> s.pairId.equals(pairId)).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> problems = ratings.submit(visibility.organizationId(), sessionId, form);
        if (problems.isEmpty()) {
            return Optional.of(new Rated(null));
        }
        // Nothing was stored: the page again, this session's form with the answers as typed and the problems.
        return pair(visibility, pairId, sessionId, form, problems).map(Rated::new);
    }

    /** A stored rating ({@code page} null: back to the page) or the page showing why nothing was stored. */
    public record Rated(PairPage page) {
    }

    private Optional<PairPage> pair(Visibility visibility, UUID pairId, UUID refusedSession,
            Map<String, String> values, Map<String, String> problems) {
        Optional<Pair> found = visible(visibility, pairId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Pair pair = found.get();
        UUID org = visibility.organizationId();
        Client client = clients.findInOrganization(org, pair.clientId).orElseThrow();
        Therapist therapist = therapists.findInOrganization(org, pair.therapistId).orElseThrow();
        List<TherapySession> pairSessions = sessions.forPair(org, pair.id);
        Map<UUID, List<Assignment>> bySession = assignments
                .forSessions(org, pairSessions.stream().map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.sessionId));
        Instant now = Instant.now();
        List<PairPage.SessionRow> rows = pairSessions.stream()
                .sorted(Comparator.comparingInt((TherapySession s) -> s.sessionNumber).reversed())
                .map(s -> new PairPage.SessionRow(s.sessionNumber, s.occurredAt,
                        bySession.getOrDefault(s.id, List.of()).stream()
                                .map(a -> new PairPage.AssignmentRow(a.id, a.questionnaireId,
                                        a.questionnaireVersion, a.effectiveStatus(now).name(), a.expiresAt,
                                        a.completedAt, a.therapistRated()))
                                .toList()))
                .toList();
        Map<Integer, Instant> dates = new HashMap<>();
        pairSessions.forEach(s -> dates.put(s.sessionNumber, s.occurredAt));
        // A therapist sees the client's answers to a session only once they have rated it themself (issue 16).
        Set<UUID> withheld = visibility.wholeOrganization() ? Set.of() : perspectives.awaitingRating(org, pair.id);
        List<InstrumentTrend> clientTrends = trends.computeWithheld(org, pair.id, withheld);
        Map<String, PerspectiveService.PairSides> sides = new HashMap<>();
        perspectives.forPair(org, pair.id, clientTrends, withheld).forEach(s -> sides.put(s.questionnaireId(), s));
        // Alliance first, then the instrument answered most often: the session-by-session measure leads.
        List<ChartView> charts = clientTrends.stream()
                .sorted(Comparator.comparing((InstrumentTrend t) -> !isAlliance(definition(t)))
                        .thenComparing(t -> -t.trend().points().size()))
                .map(t -> ChartView.of(t, definition(t), dates, json, sides.get(t.trend().questionnaireId())))
                .toList();
        boolean ownTherapist = pair.therapistId.equals(visibility.therapistId());
        List<PairPage.Rating> open = new ArrayList<>();
        for (TherapySession s : pairSessions.stream()
                .sorted(Comparator.comparingInt((TherapySession x) -> x.sessionNumber).reversed()).toList()) {
            // From the assignments loaded above: no statement per session.
            List<FormPageBuilder.Part> parts = ratings.openParts(bySession.getOrDefault(s.id, List.of()));
            if (parts.isEmpty()) {
                continue;
            }
            boolean refused = s.id.equals(refusedSession);
            open.add(new PairPage.Rating(s.id, s.sessionNumber, !ownTherapist ? null
                    : ratings.form(org, s.id, parts, refused ? values : Map.of(), refused ? problems : Map.of())));
        }
        List<Integer> withheldNumbers = pairSessions.stream().filter(s -> withheld.contains(s.id))
                .map(s -> s.sessionNumber).sorted().toList();
        List<PairPage.Sides> sideViews = charts.stream().map(c -> sides.get(c.questionnaireId()))
                .filter(Objects::nonNull).map(this::sidesView).toList();
        String clientName = client.displayName == null || client.displayName.isBlank() ? client.externalId
                : client.displayName;
        String therapistName = therapist.displayName == null || therapist.displayName.isBlank()
                ? therapist.externalId
                : therapist.displayName;
        return Optional.of(new PairPage(pair.id, clientName, client.externalId, therapistName, rows, charts,
                empathyAlliance(clientTrends, dates), latest(org, pair.id, withheld), open, withheldNumbers, sideViews,
                new PairPage.ClientChart(policy.clientChart(org), !pair.clientChartOff)));
    }

    /**
     * Issues an in-session link and a QR code for an open assignment of a visible pair. Empty when the pair is not
     * visible, the assignment is not the pair's, or it is no longer open.
     */
    @Transactional
    public Optional<RoomLink> roomLink(Visibility visibility, UUID pairId, UUID assignmentId) {
        if (visible(visibility, pairId).isEmpty()) {
            return Optional.empty();
        }
        UUID org = visibility.organizationId();
        Optional<Assignment> found = assignments.findInOrganization(org, assignmentId)
                .filter(a -> a.effectiveStatus(Instant.now()) == Assignment.Status.open)
                .filter(a -> sessions.findInOrganization(org, a.sessionId).map(s -> s.pairId.equals(pairId))
                        .orElse(false));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Assignment a = found.get();
        ChannelService.IssuedLink link = channels.inSession(org, a.id);
        String qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(channels.qrPng(org, a.id));
        return Optional.of(new RoomLink(pairId, a.questionnaireId, link.formUrl(), link.expiresAt(), qr));
    }

    /**
     * Turns the client's own chart off ({@code show} false) or back to the organization's setting for a visible
     * pair, through care, which owns the pair. Empty when the pair is not visible.
     */
    @Transactional
    public Optional<UUID> setClientChart(Visibility visibility, UUID pairId, boolean show) {
        if (visible(visibility, pairId).isEmpty()) {
            return Optional.empty();
        }
        pairService.putClientChart(visibility.organizationId(), pairId, new ClientChartRequest(show));
        return Optional.of(pairId);
    }

    /** The pair's scores as CSV, named after the client's code; empty when the pair is not visible. */
    @Transactional
    public Optional<ScoresExport> scoresCsv(Visibility visibility, UUID pairId) {
        return pair(visibility, pairId).map(page -> new ScoresExport(page.clientCode(),
                ScoresCsv.write(page, responses(visibility.organizationId(), pairId))));
    }

    /** Answered version then quality flags, by {@code questionnaire@sessionNumber}. */
    private Map<String, List<String>> responses(UUID org, UUID pairId) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("""
                select r.questionnaire_id, s.session_number, r.questionnaire_version,
                       cast(r.quality_flags as text) as quality_flags
                from response r
                join session s on s.organization_id = r.organization_id and s.id = r.session_id
                where r.organization_id = :org and r.pair_id = :pair""", Tuple.class)
                .setParameter("org", org).setParameter("pair", pairId));
        Map<String, List<String>> result = new HashMap<>();
        for (Tuple r : rows) {
            List<String> values = new ArrayList<>();
            values.add(r.get("questionnaire_version", String.class));
            values.addAll(flags(r.get("quality_flags", String.class)));
            result.put(r.get("questionnaire_id", String.class) + "@" + NativeColumns.number(r, "session_number"),
                    values);
        }
        return result;
    }

    private List<String> flags(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored quality flags are not JSON", e);
        }
    }

    private Optional<Pair> visible(Visibility visibility, UUID pairId) {
        return pairs.findInOrganization(visibility.organizationId(), pairId)
                .filter(p -> visibility.wholeOrganization() || p.therapistId.equals(visibility.therapistId()));
    }

    /** Ids of the therapist's forms, never among the client's answers; a placeholder keeps {@code in} valid. */
    private List<String> therapistForms() {
        List<String> ids = catalog.all().stream().filter(d -> !d.clientRated()).map(QuestionnaireDefinition::id)
                .distinct().toList();
        return ids.isEmpty() ? List.of("") : ids;
    }

    /**
     * The totals of the client-rated empathy and alliance instruments (catalog construct and rater) the pair has a
     * scored total of, by session; null without a scored total of each kind.
     */
    private PairPage.EmpathyAlliance empathyAlliance(List<InstrumentTrend> pairTrends, Map<Integer, Instant> dates) {
        List<InstrumentTrend> empathy = scored(pairTrends, EMPATHY);
        List<InstrumentTrend> alliance = scored(pairTrends, CaseloadService.ALLIANCE);
        if (empathy.isEmpty() || alliance.isEmpty()) {
            return null;
        }
        Map<Integer, Instant> answered = new TreeMap<>();
        List<InstrumentTrend> both = new ArrayList<>(empathy);
        both.addAll(alliance);
        both.forEach(t -> t.trend().points().forEach(p -> answered.put(p.sessionNumber(),
                p.occurredAt() != null ? p.occurredAt() : dates.get(p.sessionNumber()))));
        List<PairPage.SessionTotals> rows = new ArrayList<>();
        answered.forEach((number, at) -> rows.add(new PairPage.SessionTotals(number, at, totals(empathy, number),
                totals(alliance, number))));
        return new PairPage.EmpathyAlliance(titles(empathy), titles(alliance), rows);
    }

    /** Client-rated instruments of the construct with at least one scored total, by questionnaire id. */
    private List<InstrumentTrend> scored(List<InstrumentTrend> pairTrends, String construct) {
        return pairTrends.stream().filter(t -> {
            QuestionnaireDefinition d = definition(t);
            return d != null && construct.equals(d.construct()) && d.clientRated()
                    && t.trend().points().stream().anyMatch(p -> p.total() != null);
        }).sorted(Comparator.comparing(t -> t.trend().questionnaireId())).toList();
    }

    private List<String> titles(List<InstrumentTrend> instruments) {
        return instruments.stream().map(t -> definition(t).title()).toList();
    }

    private static List<String> totals(List<InstrumentTrend> instruments, int sessionNumber) {
        return instruments.stream().map(t -> {
            Point found = null;
            for (Point p : t.trend().points()) {
                if (p.sessionNumber() == sessionNumber) {
                    found = p;
                }
            }
            return found == null ? "not answered" : found.total() == null ? "not scored" : ChartView.format(found.total());
        }).toList();
    }

    private static boolean isAlliance(QuestionnaireDefinition d) {
        return d != null && CaseloadService.ALLIANCE.equals(d.construct());
    }

    private QuestionnaireDefinition definition(InstrumentTrend t) {
        String id = t.trend().questionnaireId();
        return catalog.get(id, t.version()).or(() -> catalog.latest(id)).orElse(null);
    }

    private PairPage.Sides sidesView(PerspectiveService.PairSides s) {
        String title = catalog.latest(s.questionnaireId()).map(QuestionnaireDefinition::title)
                .orElse(s.questionnaireId());
        String threshold = s.threshold() == null
                ? "No reliable-change threshold: this instrument has no reference SD and reliability here, so no gap"
                        + " is called large."
                : "A gap of " + ChartView.format(s.threshold())
                        + " or more (the instrument's reliable-change threshold) is a perspective-gap event.";
        List<PairPage.SideRow> rows = s.sessions().stream()
                .sorted(Comparator.comparingInt(PerspectiveService.SessionSides::sessionNumber).reversed())
                .map(x -> new PairPage.SideRow(x.sessionNumber(), x.occurredAt(), ChartView.text(x.client()),
                        ChartView.text(x.own()), ChartView.text(x.predicted()), ChartView.signed(x.gap()), x.event(),
                        x.late()))
                .toList();
        List<PairPage.GapRow> gaps = s.latestGaps().stream().map(g -> new PairPage.GapRow(g.scale(),
                ChartView.format(g.predicted()), ChartView.format(g.actual()), ChartView.signed(g.signed()))).toList();
        return new PairPage.Sides(s.questionnaireId(), title, threshold, rows, s.latestSession(), gaps);
    }

    /**
     * The responses of the latest session anyone answered, one per client questionnaire; sessions {@code withheld}
     * from the reader are left out.
     */
    private List<PairPage.LatestResponse> latest(UUID org, UUID pairId, Set<UUID> withheld) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("""
                select r.questionnaire_id, r.questionnaire_version, s.session_number, r.submitted_at,
                       cast(r.answers as text) as answers, r.language
                from response r
                join session s on s.organization_id = r.organization_id and s.id = r.session_id
                where r.organization_id = :org and r.pair_id = :pair and s.session_number = (
                    select max(s2.session_number) from response r2
                    join session s2 on s2.organization_id = r2.organization_id and s2.id = r2.session_id
                    where r2.organization_id = :org and r2.pair_id = :pair
                      and not (r2.session_id = any(:withheld))
                      and r2.questionnaire_id not in (:therapistForms))
                  and r.questionnaire_id not in (:therapistForms)
                order by r.questionnaire_id""", Tuple.class)
                .setParameter("org", org).setParameter("pair", pairId)
                .setParameter("withheld", withheld.toArray(UUID[]::new))
                .setParameter("therapistForms", therapistForms()));
        List<PairPage.LatestResponse> result = new ArrayList<>();
        for (Tuple r : rows) {
            String id = r.get("questionnaire_id", String.class);
            String version = r.get("questionnaire_version", String.class);
            Optional<QuestionnaireDefinition> d = catalog.get(id, version);
            if (d.isEmpty()) {
                continue;
            }
            String stored = r.get("language", String.class);
            String language = stored == null ? d.get().defaultLanguage() : stored;
            Map<String, String> texts = catalog.text(id, version, language).map(QuestionnaireText::items)
                    .orElse(Map.of());
            Map<String, Object> answers = answers(r.get("answers", String.class));
            List<PairPage.ItemRow> items = d.get().items().stream()
                    .map(item -> itemRow(item, texts.getOrDefault(item.id(), ""), answers.get(item.id())))
                    .toList();
            result.add(new PairPage.LatestResponse(id, version, NativeColumns.number(r, "session_number").intValue(),
                    NativeColumns.instant(r, "submitted_at"), items));
        }
        return result;
    }

    static PairPage.ItemRow itemRow(Item item, String text, Object answer) {
        if (!(answer instanceof Number number)) {
            return new PairPage.ItemRow(item.id(), text, answer == null ? "—" : answer.toString(), false);
        }
        BigDecimal value = new BigDecimal(number.toString());
        BigDecimal scored = item.reverse() ? item.min().add(item.max()).subtract(value) : value;
        BigDecimal third = item.max().subtract(item.min()).divide(BigDecimal.valueOf(3), 6, RoundingMode.HALF_UP);
        boolean low = scored.compareTo(item.min().add(third)) < 0;
        return new PairPage.ItemRow(item.id(), text, value.stripTrailingZeros().toPlainString(), low);
    }

    private Map<String, Object> answers(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers are not JSON", e);
        }
    }
}
