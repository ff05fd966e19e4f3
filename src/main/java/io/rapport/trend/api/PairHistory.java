package io.rapport.trend.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.persistence.ReadModel;
import io.rapport.trend.AssignmentStatus;
import io.rapport.trend.SessionObservation;

/**
 * A pair's sessions with each questionnaire's assignment and score, read in one statement so a trend costs one
 * round trip whatever the number of sessions.
 */
@ApplicationScoped
@ReadModel("A pair's trend needs every session with its assignments and scores; one statement whatever the number of sessions")
public class PairHistory {

    private final EntityManager em;
    private final ObjectMapper json;

    public PairHistory(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** One session of the pair with, per questionnaire, what happened to its assignment. */
    public record SessionRow(UUID sessionId, UUID groupId, int sessionNumber, Instant occurredAt,
            Map<String, SessionObservation> byQuestionnaire, Map<String, String> versions) {
    }

    public List<SessionRow> load(UUID organizationId, UUID pairId, Instant now) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("""
                select s.id as session_id, s.group_id, s.session_number, s.occurred_at, a.questionnaire_id,
                       a.questionnaire_version, a.status, a.expires_at, r.total, r.scored,
                       cast(r.score -> 'subscales' as text) as subscales
                from session s
                left join assignment a on a.session_id = s.id and a.status <> 'cancelled'
                left join response r on r.assignment_id = a.id
                where s.organization_id = :org and s.pair_id = :pair
                order by s.session_number, a.questionnaire_id""", Tuple.class)
                .setParameter("org", organizationId).setParameter("pair", pairId));
        Map<UUID, SessionRow> sessions = new LinkedHashMap<>();
        for (Tuple row : rows) {
            UUID sessionId = row.get("session_id", UUID.class);
            int number = NativeColumns.number(row, "session_number").intValue();
            Instant occurredAt = NativeColumns.instant(row, "occurred_at");
            SessionRow session = sessions.computeIfAbsent(sessionId, id -> new SessionRow(id,
                    row.get("group_id", UUID.class), number, occurredAt, new HashMap<>(), new HashMap<>()));
            String questionnaireId = row.get("questionnaire_id", String.class);
            if (questionnaireId == null) {
                continue;
            }
            session.versions().put(questionnaireId, row.get("questionnaire_version", String.class));
            session.byQuestionnaire().put(questionnaireId, observation(number, occurredAt,
                    row.get("status", String.class), NativeColumns.instant(row, "expires_at"),
                    (BigDecimal) row.get("total"), (Boolean) row.get("scored"), row.get("subscales", String.class),
                    now));
        }
        return new ArrayList<>(sessions.values());
    }

    private SessionObservation observation(int number, Instant occurredAt, String status, Instant expiresAt,
            BigDecimal total, Boolean scored, String subscalesJson, Instant now) {
        if (scored != null) {
            return SessionObservation.answered(number, occurredAt, total == null ? null : total.doubleValue(),
                    subscales(subscalesJson));
        }
        if ("completed".equals(status)) {
            return SessionObservation.answered(number, occurredAt, null, Map.of());
        }
        if ("expired".equals(status) || !now.isBefore(expiresAt)) {
            return SessionObservation.expired(number, occurredAt);
        }
        return new SessionObservation(number, occurredAt, AssignmentStatus.OPEN, null, null);
    }

    private Map<String, Double> subscales(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            Map<String, Double> result = new HashMap<>();
            JsonNode node = json.readTree(text);
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    result.put(e.getKey(), e.getValue().doubleValue());
                }
            });
            return result;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored score is not valid JSON", e);
        }
    }

    /** The other pairs that shared one of these joint sessions (their clients rated the same session). */
    public List<UUID> siblings(UUID organizationId, UUID pairId, Set<UUID> groups) {
        return NativeColumns.tuples(em.createNativeQuery("select distinct s.pair_id from session s"
                + " where s.organization_id = :org and s.group_id in (:groups) and s.pair_id <> :pair"
                + " order by s.pair_id", Tuple.class).setParameter("org", organizationId)
                .setParameter("groups", groups).setParameter("pair", pairId))
                .stream().map(row -> row.get("pair_id", UUID.class)).toList();
    }
}
