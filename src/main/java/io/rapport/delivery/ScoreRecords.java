package io.rapport.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;

/**
 * The scores of stored responses one scale at a time (the total and each subscale that could be scored), as the
 * FHIR facade's Observations show them. Searches are cut into pages here, in SQL.
 */
@ApplicationScoped
public class ScoreRecords {

    /** The scale of the total in {@link ScaleScore#scale()}. */
    public static final String TOTAL = "total";

    /** One score of one scored response. */
    public record ScaleScore(UUID responseId, UUID sessionId, String questionnaireId, String questionnaireVersion,
            String scale, BigDecimal value, Instant submittedAt) {
    }

    /** A session the caller may see and its time, by which results are ordered. */
    public record SessionTime(UUID sessionId, Instant occurredAt) {
    }

    /** An instrument and, optionally (null), one of its scales. */
    public record Code(String questionnaireId, String scale) {
    }

    /** One page of matches and the number of all. */
    public record Slice(List<ScaleScore> items, long total) {
    }

    /** Each score of the response as a row: the total first, then the subscales that have a number. */
    private static final String SCALES = """
            cross join lateral (
              select 'total' as scale, r.total as value where r.total is not null
              union all
              select e.key, cast(e.value #>> '{}' as numeric) from jsonb_each(r.score -> 'subscales') e
              where jsonb_typeof(e.value) = 'number'
            ) sc""";
    private static final String COLUMNS = "select r.id, r.session_id, r.questionnaire_id, r.questionnaire_version,"
            + " sc.scale, sc.value, r.submitted_at";

    private final EntityManager em;

    public ScoreRecords(EntityManager em) {
        this.em = em;
    }

    /** The response's scores; empty when the organization has no such scored response. */
    @Transactional
    public List<ScaleScore> ofResponse(UUID organizationId, UUID responseId) {
        Query q = em.createNativeQuery(COLUMNS + " from response r " + SCALES
                + " where r.organization_id = :org and r.id = :id and r.scored order by sc.scale <> 'total', sc.scale",
                Tuple.class).setParameter("org", organizationId).setParameter("id", responseId);
        return NativeColumns.tuples(q).stream().map(ScoreRecords::score).toList();
    }

    /**
     * The scores of responses to these sessions, by session time ({@code descending} newest first), then
     * submission and scale; {@code codes} empty for all.
     */
    @Transactional
    public Slice search(UUID organizationId, List<SessionTime> sessions, List<Code> codes, boolean descending,
            int offset, int count) {
        if (sessions.isEmpty()) {
            return new Slice(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" where r.organization_id = :org and r.scored");
        List<Object[]> params = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Code c = codes.get(i);
            where.append(i == 0 ? " and (" : " or ").append("(r.questionnaire_id = :q").append(i);
            params.add(new Object[] { "q" + i, c.questionnaireId() });
            if (c.scale() != null) {
                where.append(" and sc.scale = :s").append(i);
                params.add(new Object[] { "s" + i, c.scale() });
            }
            where.append(')').append(i == codes.size() - 1 ? ")" : "");
        }
        // The visible sessions and their times travel as two arrays, so one statement sorts and pages.
        String from = " from response r join unnest(cast(string_to_array(:ids, ',') as uuid[]),"
                + " cast(string_to_array(:times, ',') as timestamptz[])) as s(session_id, occurred_at)"
                + " on s.session_id = r.session_id " + SCALES;
        String ids = sessions.stream().map(s -> s.sessionId().toString()).collect(Collectors.joining(","));
        String times = sessions.stream().map(s -> s.occurredAt().toString()).collect(Collectors.joining(","));
        Query countQuery = em.createNativeQuery("select count(*)" + from + where);
        String direction = descending ? " desc" : "";
        Query pageQuery = em.createNativeQuery(COLUMNS + from + where + " order by s.occurred_at" + direction
                + ", r.submitted_at" + direction + ", r.id, sc.scale <> 'total', sc.scale offset :offset limit :limit",
                Tuple.class);
        for (Query q : List.of(countQuery, pageQuery)) {
            q.setParameter("org", organizationId).setParameter("ids", ids).setParameter("times", times);
            params.forEach(p -> q.setParameter((String) p[0], p[1]));
        }
        long total = ((Number) countQuery.getSingleResult()).longValue();
        if (count == 0 || offset >= total) {
            return new Slice(List.of(), total);
        }
        pageQuery.setParameter("offset", offset).setParameter("limit", count);
        return new Slice(NativeColumns.tuples(pageQuery).stream().map(ScoreRecords::score).toList(), total);
    }

    private static ScaleScore score(Tuple t) {
        return new ScaleScore(t.get("id", UUID.class), t.get("session_id", UUID.class),
                t.get("questionnaire_id", String.class), t.get("questionnaire_version", String.class),
                t.get("scale", String.class), (BigDecimal) t.get("value"), NativeColumns.instant(t, "submitted_at"));
    }
}
