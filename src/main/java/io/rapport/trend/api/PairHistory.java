package io.rapport.trend.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.trend.AssignmentStatus;
import io.rapport.trend.SessionObservation;

/**
 * A pair's sessions with each questionnaire's assignment and score, read in one statement so a trend costs one
 * round trip whatever the number of sessions.
 */
@ApplicationScoped
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

    @SuppressWarnings("unchecked")
    public List<SessionRow> load(UUID organizationId, UUID pairId, Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.group_id, s.session_number, s.occurred_at, a.questionnaire_id, a.questionnaire_version,
                       a.status, a.expires_at, r.total, r.scored, cast(r.score -> 'subscales' as text)
                from session s
                left join assignment a on a.session_id = s.id and a.status <> 'cancelled'
                left join response r on r.assignment_id = a.id
                where s.organization_id = ?1 and s.pair_id = ?2
                order by s.session_number, a.questionnaire_id""")
                .setParameter(1, organizationId).setParameter(2, pairId)
                .getResultList();
        Map<UUID, SessionRow> sessions = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID sessionId = (UUID) row[0];
            int number = ((Number) row[2]).intValue();
            Instant occurredAt = (Instant) row[3];
            SessionRow session = sessions.computeIfAbsent(sessionId,
                    id -> new SessionRow(id, (UUID) row[1], number, occurredAt, new HashMap<>(), new HashMap<>()));
            String questionnaireId = (String) row[4];
            if (questionnaireId == null) {
                continue;
            }
            session.versions().put(questionnaireId, (String) row[5]);
            session.byQuestionnaire().put(questionnaireId, observation(number, occurredAt, (String) row[6],
                    (Instant) row[7], (BigDecimal) row[8], (Boolean) row[9], (String) row[10], now));
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
}
