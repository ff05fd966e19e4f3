package io.rapport.perspective;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.persistence.ReadModel;

/** The client's and the therapist's scored ratings of the same sessions, and the therapist's open ratings. */
@ApplicationScoped
@ReadModel("Sets each client rating against the therapist's of the same session: one statement over responses, "
        + "their sessions and pairs, instead of one call per session to delivery and care")
public class PerspectiveQueries {

    /**
     * One scored response of a session: the total, subscales and raw item answers as one map ({@code total},
     * subscale names, {@code item <id>}), which {@link PerspectiveGap#between} compares.
     */
    public record Rating(UUID responseId, UUID sessionId, int sessionNumber, Instant occurredAt, UUID pairId,
            UUID therapistId, String questionnaireId, Map<String, Double> scales, List<String> flags) {

        public Double total() {
            return scales.get(PerspectiveGap.TOTAL);
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public PerspectiveQueries(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The pair's scored ratings of these questionnaires, by session. */
    public List<Rating> ofPair(UUID organizationId, UUID pairId, Set<String> questionnaireIds) {
        return ratings("""
                where r.organization_id = :org and r.pair_id = :pair and r.questionnaire_id in (:ids) and r.scored
                order by s.session_number, r.questionnaire_id""", organizationId, questionnaireIds,
                Map.of("pair", pairId));
    }

    /** A scored total of one session, for the perspective-gap check on every submission. */
    public record SessionTotal(UUID responseId, String questionnaireId, double total) {
    }

    /**
     * One session's scored totals of these questionnaires. It runs on every submission of an instrument with a
     * prediction form, so it reads the response table alone, through the pair's index: a 3-table join cost more
     * database CPU per submission in the replay benchmark, mostly planning.
     */
    public List<SessionTotal> totalsOfSession(UUID organizationId, UUID pairId, UUID sessionId,
            Set<String> questionnaireIds) {
        return NativeColumns.tuples(em.createNativeQuery("""
                select id, questionnaire_id, total from response
                where organization_id = :org and pair_id = :pair and session_id = :session
                  and questionnaire_id in (:ids) and scored and total is not null""", Tuple.class)
                .setParameter("org", organizationId).setParameter("pair", pairId).setParameter("session", sessionId)
                .setParameter("ids", questionnaireIds)).stream()
                .map(r -> new SessionTotal(r.get("id", UUID.class), r.get("questionnaire_id", String.class),
                        ((BigDecimal) r.get("total")).doubleValue()))
                .toList();
    }

    /**
     * The organization's scored ratings of these questionnaires in sessions from {@code from} (inclusive) to
     * {@code to} (exclusive), by pair and session.
     */
    public List<Rating> ofOrganization(UUID organizationId, Set<String> questionnaireIds, Instant from, Instant to) {
        return ratings("""
                where r.organization_id = :org and r.questionnaire_id in (:ids) and r.scored
                  and s.occurred_at >= :from and s.occurred_at < :to
                order by r.pair_id, s.session_number, r.questionnaire_id""", organizationId, questionnaireIds,
                Map.of("from", from, "to", to));
    }

    /** Sessions of the pair whose therapist rating is still open: their client answers are kept from the therapist. */
    public Set<UUID> sessionsAwaitingRating(UUID organizationId, UUID pairId, Instant now) {
        List<?> ids = em.createNativeQuery("""
                select distinct a.session_id from assignment a
                join session s on s.organization_id = a.organization_id and s.id = a.session_id
                where a.organization_id = :org and s.pair_id = :pair and a.rater = 'therapist'
                  and a.status = 'open' and a.expires_at > :now""", UUID.class)
                .setParameter("org", organizationId).setParameter("pair", pairId).setParameter("now", now)
                .getResultList();
        Set<UUID> result = new HashSet<>();
        ids.forEach(id -> result.add((UUID) id));
        return result;
    }

    private List<Rating> ratings(String where, UUID organizationId, Set<String> questionnaireIds,
            Map<String, Object> params) {
        if (questionnaireIds.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery("""
                select r.id, r.session_id, s.session_number, s.occurred_at, r.pair_id, p.therapist_id,
                       r.questionnaire_id, r.total, cast(r.score -> 'subscales' as text) as subscales,
                       cast(r.answers as text) as answers, cast(r.quality_flags as text) as flags
                from response r
                join session s on s.organization_id = r.organization_id and s.id = r.session_id
                join pair p on p.organization_id = r.organization_id and p.id = r.pair_id
                """ + where, Tuple.class).setParameter("org", organizationId).setParameter("ids", questionnaireIds);
        params.forEach(query::setParameter);
        return NativeColumns.tuples(query).stream().map(this::rating).toList();
    }

    private Rating rating(Tuple row) {
        Map<String, Double> scales = new LinkedHashMap<>();
        BigDecimal total = (BigDecimal) row.get("total");
        if (total != null) {
            scales.put(PerspectiveGap.TOTAL, total.doubleValue());
        }
        read(row.get("subscales", String.class), new TypeReference<Map<String, Object>>() {
        }, Map.<String, Object> of()).forEach((name, value) -> {
            if (value instanceof Number n) {
                scales.put(name, n.doubleValue());
            }
        });
        read(row.get("answers", String.class), new TypeReference<Map<String, Object>>() {
        }, Map.<String, Object> of()).forEach((item, value) -> {
            if (value instanceof Number n) {
                scales.put(PerspectiveGap.ITEM + item, n.doubleValue());
            }
        });
        return new Rating(row.get("id", UUID.class), row.get("session_id", UUID.class),
                NativeColumns.number(row, "session_number").intValue(), NativeColumns.instant(row, "occurred_at"),
                row.get("pair_id", UUID.class), row.get("therapist_id", UUID.class),
                row.get("questionnaire_id", String.class), scales,
                read(row.get("flags", String.class), new TypeReference<List<String>>() {
                }, List.<String> of()));
    }

    private <T> T read(String text, TypeReference<T> type, T empty) {
        if (text == null) {
            return empty;
        }
        try {
            T value = json.readValue(text, type);
            return value == null ? empty : value;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored response JSON does not parse", e);
        }
    }
}
