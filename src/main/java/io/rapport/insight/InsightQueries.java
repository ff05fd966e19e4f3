package io.rapport.insight;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.persistence.ReadModel;

/**
 * The sums behind the insight figures, aggregated in PostgreSQL: no response row is loaded into Java. Each method
 * is one statement per group kind (the organization as a whole, or one row per therapist), filtered on the
 * organization, the instrument and the sessions' time in the period.
 */
@ApplicationScoped
@ReadModel("Aggregates over sessions, assignments, responses and alerts of a whole organization are one GROUP BY each; asking each room per pair would load every response into Java")
public class InsightQueries {

    /** Which rows the figures are grouped into; the expression is a constant of this class, never input. */
    public enum Grouping {
        ORGANIZATION("cast(null as uuid)", "", "cast(null as uuid)", ""),
        THERAPIST("p.therapist_id", "", "m.therapist_id", ""),
        /**
         * One row per program tag of the pair or its therapist (a pair counts in each of its programs); the tag is
         * keyed by {@code md5(tag)::uuid}, which {@link #tags} maps back to its name.
         */
        TAG(TAG_KEY, TAGS, TAG_KEY, " join pair p on p.organization_id = m.organization_id and p.id = m.pair_id" + TAGS);

        final String expression;
        /** What the grouping needs joined to the session's pair. */
        final String join;
        /** The same over the summary rows ({@code m}). */
        final String summaryExpression;
        final String summaryJoin;

        Grouping(String expression, String join, String summaryExpression, String summaryJoin) {
            this.expression = expression;
            this.join = join;
            this.summaryExpression = summaryExpression;
            this.summaryJoin = summaryJoin;
        }
    }

    private static final String TAGS = " join therapist th on th.organization_id = p.organization_id and th.id = p.therapist_id"
            + " cross join lateral (select distinct unnest(th.tags || p.tags) as name) tag";
    private static final String TAG_KEY = "cast(md5(tag.name) as uuid)";

    /**
     * What one query covers: organization, instrument, [from, to), optionally one therapist. When both ends are
     * the first instant of a calendar month (UTC), the figures come from the summary: the organization as a whole
     * from its month sums and histograms ({@code insight_org_month}, {@code insight_org_span}: a few hundred rows
     * however many responses), a therapist or tag from the pair-month rows ({@code insight_pair_month}); otherwise
     * from the sessions, assignments, responses and alerts themselves.
     */
    public record Scope(UUID organizationId, String questionnaireId, Instant from, Instant to, UUID therapistId) {

        boolean wholeMonths() {
            return monthStart(from) && monthStart(to);
        }

        /** The organization as a whole over whole months: read from the organization's rollups. */
        boolean rollup(Grouping grouping) {
            return grouping == Grouping.ORGANIZATION && therapistId == null && wholeMonths();
        }

        private static boolean monthStart(Instant t) {
            ZonedDateTime z = t.atZone(ZoneOffset.UTC);
            return z.getDayOfMonth() == 1 && z.toLocalTime().equals(LocalTime.MIDNIGHT);
        }
    }

    /**
     * Sessions and assignments of a group; the median is in seconds, null without a completed assignment. From the
     * summary it is read from binned times ({@code medianBinned}), exact otherwise.
     */
    public record Activity(long clients, long sessions, long sent, long completed, long expired, long cancelled, long open,
            Double medianSecondsToAnswer, boolean medianBinned) {
    }

    /** Upper edges (seconds) of the summary's time-to-answer bins; the last bin has none. */
    static final double[] ANSWER_BIN_EDGES = { 300, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 172800, 259200,
            604800, 1209600 };

    /**
     * Per group, over its pairs with a scored total in the period: the first and the latest total of each pair
     * summed, and how many pairs' latest total is past the cutoff.
     */
    public record Scores(long pairs, long clients, long scoredSessions, double firstSum, double firstSumOfSquares,
            double latestSum, double latestSumOfSquares, long beyondCutoff) {
    }

    /** Drop events (a rupture is one pair's session with a drop) and their resolution, as raised as alerts. */
    public record Ruptures(long ruptures, long repaired, long unrepaired, long openUnrepaired) {
    }

    /** One calendar month (UTC) of scored totals. */
    public record Month(Instant month, long clients, long n, double sum, double sumOfSquares) {
    }

    /** An item's id, range and keying, from the questionnaire file. */
    public record ItemRange(String id, double min, double max, boolean reverse) {
    }

    /**
     * What {@link #itemSums} returns; {@code ends} holds per scale {ceiling count, floor count, ceiling count with
     * the candour line shown, without it}; {@code withCandour} and {@code withoutCandour} count the responses whose
     * form showed the line or did not.
     */
    public record ItemSums(long n, double[] sums, double[][] crossSums, Map<String, long[]> ends, long withCandour,
            long withoutCandour) {
    }

    /**
     * One empathy instrument against the view's alliance instrument: over the pairs with both, how many, their
     * distinct clients, and the sums of the empathy total x and the later alliance total y.
     */
    public record EmpathyAllianceSums(String empathyQuestionnaireId, long pairs, long clients, double sumX,
            double sumY, double sumOfSquaresX, double sumOfSquaresY, double sumOfProducts) {
    }

    /** A therapist as the EHR names them. */
    public record TherapistRef(UUID id, String externalId, String displayName) {
    }

    private static final String PAIR = " join pair p on p.organization_id = s.organization_id and p.id = s.pair_id";
    /** A pair's first response: by session time, then number (sessions the same minute), then submission. */
    private static final String FIRST_ORDER = "s.occurred_at, s.session_number, r.submitted_at";
    private static final String LATEST_ORDER = "s.occurred_at desc, s.session_number desc, r.submitted_at desc";

    private final EntityManager em;

    public InsightQueries(EntityManager em) {
        this.em = em;
    }

    public Optional<TherapistRef> therapist(UUID organizationId, String externalId) {
        return NativeColumns.tuples(em.createNativeQuery("select id, external_id, display_name from therapist"
                + " where organization_id = :org and external_id = :ext", Tuple.class)
                .setParameter("org", organizationId).setParameter("ext", externalId)).stream()
                .map(InsightQueries::therapistRef).findFirst();
    }

    public Optional<TherapistRef> therapist(UUID organizationId, UUID id) {
        return NativeColumns.tuples(em.createNativeQuery("select id, external_id, display_name from therapist"
                + " where organization_id = :org and id = :id", Tuple.class)
                .setParameter("org", organizationId).setParameter("id", id)).stream()
                .map(InsightQueries::therapistRef).findFirst();
    }

    /** Every program tag of the organization's therapists and pairs, by the key the TAG grouping gives it. */
    public Map<UUID, String> tags(UUID organizationId) {
        Map<UUID, String> result = new HashMap<>();
        NativeColumns.tuples(em.createNativeQuery("select name, " + TAG_KEY + " as grp from (select unnest(tags) as name"
                + " from therapist where organization_id = :org union select unnest(tags) from pair"
                + " where organization_id = :org) tag", Tuple.class).setParameter("org", organizationId))
                .forEach(t -> result.put(t.get("grp", UUID.class), t.get("name", String.class)));
        return result;
    }

    public Map<UUID, TherapistRef> therapists(UUID organizationId) {
        Map<UUID, TherapistRef> result = new HashMap<>();
        NativeColumns.tuples(em.createNativeQuery("select id, external_id, display_name from therapist"
                + " where organization_id = :org", Tuple.class).setParameter("org", organizationId))
                .forEach(t -> result.put(t.get("id", UUID.class), therapistRef(t)));
        return result;
    }

    /** Sessions in the period, and the instrument's assignments of those sessions by status. */
    public Map<UUID, Activity> activity(Scope scope, Grouping grouping) {
        if (scope.rollup(grouping)) {
            return rollupActivity(scope);
        }
        return scope.wholeMonths() ? summaryActivity(scope, grouping) : rawActivity(scope, grouping);
    }

    private Map<UUID, Activity> rawActivity(Scope scope, Grouping grouping) {
        Query q = em.createNativeQuery("select " + grouping.expression + " as grp, count(distinct p.client_id) as clients,"
                + " count(distinct s.id) as sessions,"
                + " count(a.id) as sent,"
                + " count(a.id) filter (where a.status = 'completed') as completed,"
                + " count(a.id) filter (where a.status = 'expired') as expired,"
                + " count(a.id) filter (where a.status = 'cancelled') as cancelled,"
                + " count(a.id) filter (where a.status = 'open') as open,"
                + " percentile_cont(0.5) within group (order by extract(epoch from a.completed_at - a.created_at))"
                + " filter (where a.status = 'completed' and a.completed_at is not null) as median_seconds"
                + " from session s" + PAIR + grouping.join
                + " left join assignment a on a.organization_id = s.organization_id and a.session_id = s.id"
                + " and a.questionnaire_id = :questionnaire"
                + where(scope) + " group by 1", Tuple.class);
        Map<UUID, Activity> result = new HashMap<>();
        NativeColumns.tuples(bind(q, scope)).forEach(r -> result.put(r.get("grp", UUID.class),
                new Activity(num(r, "clients"), num(r, "sessions"), num(r, "sent"), num(r, "completed"), num(r, "expired"),
                        num(r, "cancelled"), num(r, "open"), nullableDbl(r, "median_seconds"), false)));
        return result;
    }

    /** The same from the summary: the '' rows count sessions, the instrument's rows the rest. */
    private Map<UUID, Activity> summaryActivity(Scope scope, Grouping grouping) {
        Query q = em.createNativeQuery("select " + grouping.summaryExpression + " as grp,"
                + " count(distinct m.client_id) filter (where m.questionnaire_id = '') as clients,"
                + summedActivity("m") + " from insight_pair_month m" + grouping.summaryJoin + summaryWhere(scope)
                + " and m.questionnaire_id in ('', :questionnaire) group by 1", Tuple.class);
        return summedActivities(bindSummary(q, scope));
    }

    /**
     * The organization's from its month sums; its clients are the histogram rows of the period's months whose
     * client had no such month earlier in the period (each client once).
     */
    private Map<UUID, Activity> rollupActivity(Scope scope) {
        Query q = em.createNativeQuery("select cast(null as uuid) as grp, " + periodClients("''") + " as clients,"
                + summedActivity("o") + " from insight_org_month o where o.organization_id = :org"
                + " and o.month >= :fromMonth and o.month < :toMonth and o.questionnaire_id in ('', :questionnaire)",
                Tuple.class);
        return summedActivities(bindSummary(q, scope));
    }

    /**
     * The distinct clients of the period, from the 'client' histogram: each in the first month of the period they
     * were seen (no such month of theirs before it).
     *
     * @param questionnaire SQL of the questionnaire id: {@code ''} for sessions, {@code :questionnaire} for scores
     */
    private static String periodClients(String questionnaire) {
        return "(select sum(c.n) from insight_org_span c where c.organization_id = :org and c.questionnaire_id = "
                + questionnaire + " and c.kind = 'client' and c.month >= :fromMonth and c.month < :toMonth"
                + " and c.other_month < :fromMonth)";
    }

    /** Sums of summary rows {@code alias}: the '' rows count sessions, the instrument's rows the rest. */
    private static String summedActivity(String alias) {
        String mine = " filter (where " + alias + ".questionnaire_id = :questionnaire)";
        StringBuilder sql = new StringBuilder(" sum(" + alias + ".sessions) filter (where " + alias
                + ".questionnaire_id = '') as sessions");
        for (String column : List.of("sent", "completed", "expired", "cancelled", "open")) {
            sql.append(", sum(").append(alias).append('.').append(column).append(')').append(mine).append(" as ")
                    .append(column);
        }
        for (int i = 0; i <= ANSWER_BIN_EDGES.length; i++) {
            sql.append(", sum(").append(alias).append(".answer_bins[").append(i + 1).append("])").append(mine)
                    .append(" as b").append(i);
        }
        return sql.toString();
    }

    private static Map<UUID, Activity> summedActivities(Query q) {
        Map<UUID, Activity> result = new HashMap<>();
        NativeColumns.tuples(q).forEach(r -> {
            long[] counts = new long[ANSWER_BIN_EDGES.length + 1];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = num(r, "b" + i);
            }
            result.put(r.get("grp", UUID.class), new Activity(num(r, "clients"), num(r, "sessions"), num(r, "sent"),
                    num(r, "completed"), num(r, "expired"), num(r, "cancelled"), num(r, "open"),
                    InsightStatistics.binnedMedian(counts, ANSWER_BIN_EDGES), true));
        });
        return result;
    }

    /**
     * Each pair's first and latest scored total in the period (by session time, then session number, then
     * submission), summed per group.
     *
     * @param beyondCutoff SQL comparison of {@code latest} with {@code :cutoff} ({@code <} or {@code >}), or null
     *        when the instrument has no cutoff
     */
    public Map<UUID, Scores> scores(Scope scope, Grouping grouping, String beyondCutoff, Double cutoff) {
        Query q = scope.rollup(grouping) ? rollupScores(beyondCutoff) : perPairScores(scope, grouping, beyondCutoff);
        bindEither(q, scope);
        if (beyondCutoff != null) {
            q.setParameter("cutoff", cutoff);
        }
        Map<UUID, Scores> result = new HashMap<>();
        NativeColumns.tuples(q).forEach(r -> result.put(r.get("grp", UUID.class), new Scores(num(r, "pairs"),
                num(r, "clients"), num(r, "scored"), dbl(r, "first_sum"), dbl(r, "first_sq"), dbl(r, "latest_sum"),
                dbl(r, "latest_sq"), num(r, "beyond"))));
        return result;
    }

    private Query perPairScores(Scope scope, Grouping grouping, String beyondCutoff) {
        String beyond = beyondCutoff == null ? "0"
                : "count(*) filter (where latest " + beyondCutoff + " cast(:cutoff as numeric))";
        String perPair = scope.wholeMonths()
                // Keys sort as (session time, session number, submission time); the total follows 50 characters.
                ? "select m.pair_id, " + grouping.summaryExpression + " as grp, m.client_id, sum(m.scored) as n,"
                        + " cast(substr(min(m.first_key), 51) as numeric) as first,"
                        + " cast(substr(max(m.last_key), 51) as numeric) as latest"
                        + " from insight_pair_month m" + grouping.summaryJoin + summaryWhere(scope)
                        + " and m.questionnaire_id = :questionnaire and m.scored > 0 group by m.pair_id, 2, m.client_id"
                : "select p.id as pair_id, " + grouping.expression + " as grp, p.client_id, count(*) as n,"
                        + " (array_agg(r.total order by " + FIRST_ORDER + "))[1] as first,"
                        + " (array_agg(r.total order by " + LATEST_ORDER + "))[1] as latest"
                        + " from session s" + PAIR + grouping.join
                        + " join response r on r.organization_id = s.organization_id and r.session_id = s.id"
                        + where(scope) + " and r.questionnaire_id = :questionnaire and r.scored and r.total is not null"
                        + " group by p.id, 2, p.client_id";
        return em.createNativeQuery("with per_pair as (" + perPair + ")"
                + " select grp, count(*) as pairs, count(distinct client_id) as clients, sum(n) as scored,"
                + " sum(first) as first_sum, sum(first * first) as first_sq,"
                + " sum(latest) as latest_sum, sum(latest * latest) as latest_sq, " + beyond + " as beyond"
                + " from per_pair group by grp", Tuple.class);
    }

    /**
     * The organization's from its histograms: a pair's first total is in the row of its first scored month in the
     * period (previous one before it), its latest in the row of its last (next one after it), the value of that
     * row; its clients as in {@link #rollupActivity}.
     */
    private Query rollupScores(String beyondCutoff) {
        String span = " from insight_org_span x where x.organization_id = :org and x.questionnaire_id = :questionnaire"
                + " and x.month >= :fromMonth and x.month < :toMonth and x.kind = ";
        String beyond = beyondCutoff == null ? "0"
                : "sum(x.n) filter (where x.value " + beyondCutoff + " cast(:cutoff as numeric))";
        return em.createNativeQuery("select cast(null as uuid) as grp, f.pairs, c.clients, o.scored, f.first_sum,"
                + " f.first_sq, l.latest_sum, l.latest_sq, l.beyond"
                + " from (select sum(x.n) as pairs, sum(x.total_sum) as first_sum, sum(x.total_squares) as first_sq"
                + span + "'first' and x.other_month < :fromMonth) f,"
                + " (select sum(x.total_sum) as latest_sum, sum(x.total_squares) as latest_sq, " + beyond + " as beyond"
                + span + "'latest' and x.other_month >= :toMonth) l,"
                + " (select " + periodClients(":questionnaire") + " as clients) c,"
                + " (select sum(o.scored) as scored from insight_org_month o where o.organization_id = :org"
                + " and o.questionnaire_id = :questionnaire and o.month >= :fromMonth and o.month < :toMonth) o",
                Tuple.class);
    }

    /**
     * Ruptures are the distinct (pair, session) of drop alerts; repairs and unrepaired ruptures are counted at the
     * session where the trend engine resolved them. Alerts are raised once, from the trend at the time the data
     * came in, so these are the events the organization was told about.
     */
    public Map<UUID, Ruptures> ruptures(Scope scope, Grouping grouping) {
        String sums = " sum(m.ruptures) as ruptures, sum(m.repaired) as repaired, sum(m.unrepaired) as unrepaired,"
                + " sum(m.open_unrepaired) as open_unrepaired";
        Query q;
        if (scope.rollup(grouping)) {
            q = em.createNativeQuery("select cast(null as uuid) as grp," + sums + " from insight_org_month m"
                    + summaryWhere(scope) + " and m.questionnaire_id = :questionnaire", Tuple.class);
        } else if (scope.wholeMonths()) {
            q = em.createNativeQuery("select " + grouping.summaryExpression + " as grp," + sums
                    + " from insight_pair_month m" + grouping.summaryJoin + summaryWhere(scope)
                    + " and m.questionnaire_id = :questionnaire and m.ruptures + m.repaired + m.unrepaired > 0"
                    + " group by 1", Tuple.class);
        } else {
            q = em.createNativeQuery("select " + grouping.expression + " as grp,"
                    + " count(distinct al.pair_id || ':' || al.session_number)"
                    + " filter (where al.type in ('reliable-drop', 'personal-drop')) as ruptures,"
                    + " count(*) filter (where al.type = 'repair') as repaired,"
                    + " count(*) filter (where al.type = 'unrepaired') as unrepaired,"
                    + " count(*) filter (where al.type = 'unrepaired' and al.status = 'open') as open_unrepaired"
                    + " from session s" + PAIR + grouping.join
                    + " join alert al on al.organization_id = s.organization_id and al.pair_id = s.pair_id"
                    + " and al.session_number = s.session_number"
                    + where(scope) + " and al.questionnaire_id = :questionnaire"
                    + " and al.type in ('reliable-drop', 'personal-drop', 'repair', 'unrepaired') group by 1",
                    Tuple.class);
        }
        Map<UUID, Ruptures> result = new HashMap<>();
        NativeColumns.tuples(bindEither(q, scope)).forEach(r -> result.put(r.get("grp", UUID.class), new Ruptures(
                num(r, "ruptures"), num(r, "repaired"), num(r, "unrepaired"), num(r, "open_unrepaired"))));
        return result;
    }

    /** Scored totals per calendar month (UTC) of the session, oldest first. */
    public List<Month> monthly(Scope scope) {
        Query q;
        if (scope.rollup(Grouping.ORGANIZATION)) {
            q = em.createNativeQuery("select cast(m.month as timestamp) at time zone 'UTC' as month,"
                    + " (select sum(c.n) from insight_org_span c where c.organization_id = m.organization_id"
                    + " and c.questionnaire_id = m.questionnaire_id and c.kind = 'client' and c.month = m.month)"
                    + " as clients, m.scored as n, m.total_sum, m.total_squares as total_sq"
                    + " from insight_org_month m" + summaryWhere(scope)
                    + " and m.questionnaire_id = :questionnaire and m.scored > 0 order by 1", Tuple.class);
        } else if (scope.wholeMonths()) {
            q = em.createNativeQuery("select cast(m.month as timestamp) at time zone 'UTC' as month,"
                    + " count(distinct m.client_id) as clients, sum(m.scored) as n, sum(m.total_sum) as total_sum,"
                    + " sum(m.total_squares) as total_sq from insight_pair_month m" + summaryWhere(scope)
                    + " and m.questionnaire_id = :questionnaire and m.scored > 0 group by 1 order by 1", Tuple.class);
        } else {
            q = em.createNativeQuery("select date_trunc('month', s.occurred_at at time zone 'UTC') at time zone 'UTC'"
                    + " as month, count(distinct p.client_id) as clients, count(*) as n, sum(r.total) as total_sum,"
                    + " sum(r.total * r.total) as total_sq"
                    + " from session s" + PAIR
                    + " join response r on r.organization_id = s.organization_id and r.session_id = s.id"
                    + where(scope) + " and r.questionnaire_id = :questionnaire and r.scored and r.total is not null"
                    + " group by 1 order by 1", Tuple.class);
        }
        return NativeColumns.tuples(bindEither(q, scope)).stream().map(r -> new Month(
                NativeColumns.instant(r.get("month")), num(r, "clients"), num(r, "n"), dbl(r, "total_sum"),
                dbl(r, "total_sq"))).toList();
    }

    /**
     * Per empathy instrument, over the pairs of the scope: each pair's first scored empathy total in the period (by
     * session time, number, submission) and the scored total of the scope's alliance instrument at the first session
     * after it (a later session time, still in the period). Pairs without such a later session are left out. From
     * the sessions and responses themselves: the summary keeps no pairing of two instruments.
     *
     * @param empathyIds the empathy instruments, never empty
     */
    public List<EmpathyAllianceSums> empathyAlliance(Scope scope, List<String> empathyIds) {
        Query q = em.createNativeQuery("with empathy as (select distinct on (p.id, r.questionnaire_id) p.id as pair_id,"
                + " p.client_id, r.questionnaire_id as empathy_id, r.total as x, s.occurred_at"
                + " from session s" + PAIR
                + " join response r on r.organization_id = s.organization_id and r.session_id = s.id"
                + where(scope) + " and r.questionnaire_id in (:empathy) and r.scored and r.total is not null"
                + " order by p.id, r.questionnaire_id, " + FIRST_ORDER + "),"
                + " paired as (select e.empathy_id, e.client_id, e.x, a.y from empathy e cross join lateral"
                + " (select r.total as y from session s"
                + " join response r on r.organization_id = s.organization_id and r.session_id = s.id"
                + " where s.organization_id = :org and s.pair_id = e.pair_id and s.occurred_at > e.occurred_at"
                + " and s.occurred_at < :to and r.questionnaire_id = :questionnaire and r.scored"
                + " and r.total is not null order by " + FIRST_ORDER + " limit 1) a)"
                + " select empathy_id, count(*) as pairs, count(distinct client_id) as clients, sum(x) as sx,"
                + " sum(y) as sy, sum(x * x) as sxx, sum(y * y) as syy, sum(x * y) as sxy"
                + " from paired group by empathy_id order by empathy_id", Tuple.class);
        bind(q, scope).setParameter("empathy", empathyIds);
        return NativeColumns.tuples(q).stream().map(r -> new EmpathyAllianceSums(r.get("empathy_id", String.class),
                num(r, "pairs"), num(r, "clients"), dbl(r, "sx"), dbl(r, "sy"), dbl(r, "sxx"), dbl(r, "syy"),
                dbl(r, "sxy"))).toList();
    }

    /**
     * Brings the organization's summary rows up to date with what writers have marked (triggers on sessions,
     * assignments, responses and alerts), skipping marks another transaction holds; returns how many pair-months
     * were recomputed.
     */
    public int flush(UUID organizationId, int limit) {
        return ((Number) em.createNativeQuery("select insight_flush(:org, :limit)").setParameter("org", organizationId)
                .setParameter("limit", limit).getSingleResult()).intValue();
    }

    /** The background job's share: marked pair-months of any organization. */
    public int flushAny(int limit) {
        return ((Number) em.createNativeQuery("select insight_flush(cast(null as uuid), :limit)")
                .setParameter("limit", limit).getSingleResult()).intValue();
    }

    /** Marks of the organization still visible: held by a writer not yet done, or by another flush. */
    public boolean pending(UUID organizationId) {
        return !em.createNativeQuery("select 1 from insight_dirty where organization_id = :org limit 1")
                .setParameter("org", organizationId).getResultList().isEmpty();
    }

    /**
     * Sums of one instrument version's raw item answers over each pair's first response in the period with every
     * item answered: Σ x_i, Σ x_i x_j (i ≤ j), and per scale how many responses sit at its ceiling or floor (every
     * keyed item at its maximum, or minimum).
     *
     * @param items the version's items in order; ids, ranges and keying come from the questionnaire file
     * @param scales scale name to the indexes of its items
     */
    public ItemSums itemSums(Scope scope, String version, List<ItemRange> items, Map<String, int[]> scales) {
        int k = items.size();
        StringBuilder select = new StringBuilder("select count(*) as n,"
                + " count(*) filter (where candour) as n_candour, count(*) filter (where not candour) as n_plain");
        StringBuilder columns = new StringBuilder();
        StringBuilder complete = new StringBuilder();
        for (int i = 0; i < k; i++) {
            columns.append(", cast(r.answers ->> cast(:i").append(i).append(" as text) as float8) as x").append(i);
            complete.append(" and jsonb_typeof(r.answers -> cast(:i").append(i).append(" as text)) = 'number'");
            select.append(", sum(x").append(i).append(") as s").append(i);
            for (int j = i; j < k; j++) {
                select.append(", sum(x").append(i).append(" * x").append(j).append(") as c").append(i).append('_')
                        .append(j);
            }
        }
        List<String> names = List.copyOf(scales.keySet());
        for (int sc = 0; sc < names.size(); sc++) {
            StringBuilder ceiling = new StringBuilder();
            StringBuilder floor = new StringBuilder();
            for (int i : scales.get(names.get(sc))) {
                String and = ceiling.isEmpty() ? "" : " and ";
                ceiling.append(and).append('x').append(i).append(" = :").append(items.get(i).reverse() ? "lo" : "hi")
                        .append(i);
                floor.append(and).append('x').append(i).append(" = :").append(items.get(i).reverse() ? "hi" : "lo")
                        .append(i);
            }
            select.append(", count(*) filter (where ").append(ceiling).append(") as ceil").append(sc);
            select.append(", count(*) filter (where ").append(floor).append(") as floor").append(sc);
            select.append(", count(*) filter (where candour and ").append(ceiling).append(") as ceilc").append(sc);
            select.append(", count(*) filter (where not candour and ").append(ceiling).append(") as ceilp")
                    .append(sc);
        }
        // Per pair, its sessions in time order until the first complete response: a few index probes each
        // (session by pair and time, assignment by session, response by assignment), where sorting every
        // response of the period by pair took 14 s at 1,000,000 responses. Planned with this call's values: once
        // the driver prepares the statement, PostgreSQL's generic plan for it took 21-25 s (session 11 benchmark).
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        Query q = em.createNativeQuery("with sample as (select x.* from pair p cross join lateral (select r.pair_id,"
                + " r.candour_shown as candour" + columns + " from session s"
                + " join assignment a on a.organization_id = s.organization_id and a.session_id = s.id"
                + " join response r on r.assignment_id = a.id and r.session_id = s.id"
                + where(scope) + " and s.pair_id = p.id and r.questionnaire_id = :questionnaire"
                + " and r.questionnaire_version = :version and r.scored" + complete + " order by " + FIRST_ORDER
                + " limit 1) x where p.organization_id = :org) " + select + " from sample", Tuple.class);
        bind(q, scope).setParameter("version", version);
        for (int i = 0; i < k; i++) {
            q.setParameter("i" + i, items.get(i).id());
            if (select.indexOf(":hi" + i) >= 0) {
                q.setParameter("hi" + i, items.get(i).max());
            }
            if (select.indexOf(":lo" + i) >= 0) {
                q.setParameter("lo" + i, items.get(i).min());
            }
        }
        Tuple r = NativeColumns.tuples(q).get(0);
        double[] sums = new double[k];
        double[][] cross = new double[k][k];
        for (int i = 0; i < k; i++) {
            sums[i] = dbl(r, "s" + i);
            for (int j = i; j < k; j++) {
                cross[i][j] = dbl(r, "c" + i + "_" + j);
                cross[j][i] = cross[i][j];
            }
        }
        Map<String, long[]> ends = new HashMap<>();
        for (int sc = 0; sc < names.size(); sc++) {
            ends.put(names.get(sc), new long[] { num(r, "ceil" + sc), num(r, "floor" + sc), num(r, "ceilc" + sc),
                    num(r, "ceilp" + sc) });
        }
        return new ItemSums(num(r, "n"), sums, cross, ends, num(r, "n_candour"), num(r, "n_plain"));
    }

    private static String where(Scope scope) {
        return " where s.organization_id = :org and s.occurred_at >= :from and s.occurred_at < :to"
                + (scope.therapistId() == null ? "" : " and p.therapist_id = :therapist");
    }

    private static String summaryWhere(Scope scope) {
        return " where m.organization_id = :org and m.month >= :fromMonth and m.month < :toMonth"
                + (scope.therapistId() == null ? "" : " and m.therapist_id = :therapist");
    }

    private static Query bindSummary(Query q, Scope scope) {
        q.setParameter("org", scope.organizationId()).setParameter("questionnaire", scope.questionnaireId())
                .setParameter("fromMonth", scope.from().atZone(ZoneOffset.UTC).toLocalDate())
                .setParameter("toMonth", scope.to().atZone(ZoneOffset.UTC).toLocalDate());
        if (scope.therapistId() != null) {
            q.setParameter("therapist", scope.therapistId());
        }
        return q;
    }

    private static Query bindEither(Query q, Scope scope) {
        return scope.wholeMonths() ? bindSummary(q, scope) : bind(q, scope);
    }

    private static Query bind(Query q, Scope scope) {
        q.setParameter("org", scope.organizationId()).setParameter("questionnaire", scope.questionnaireId())
                .setParameter("from", scope.from()).setParameter("to", scope.to());
        if (scope.therapistId() != null) {
            q.setParameter("therapist", scope.therapistId());
        }
        return q;
    }

    private static TherapistRef therapistRef(Tuple t) {
        return new TherapistRef(t.get("id", UUID.class), t.get("external_id", String.class),
                t.get("display_name", String.class));
    }

    private static long num(Tuple r, String column) {
        Long value = NativeColumns.number(r, column);
        return value == null ? 0 : value;
    }

    private static Double nullableDbl(Tuple r, String column) {
        Object value = r.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static double dbl(Tuple r, String column) {
        Object value = r.get(column);
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
