package io.rapport.delivery;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;

/** Scored responses read in bulk, for statistics over an organization's data (local norms). */
@ApplicationScoped
public class ScoredResponses {

    /** An instrument version an organization has scored responses for. */
    public record Version(String questionnaireId, String version) {
    }

    /** One scored response: raw answers and the stored score, as JSON text. */
    public record Row(UUID pairId, int sessionNumber, String answersJson, String scoreJson) {
    }

    private final EntityManager em;
    private final SessionDirectory sessions;

    public ScoredResponses(EntityManager em, SessionDirectory sessions) {
        this.em = em;
        this.sessions = sessions;
    }

    /** Organizations with at least one scored response. */
    @Transactional
    public List<UUID> organizations() {
        return em.createNativeQuery("select distinct organization_id from response where scored", UUID.class)
                .getResultList().stream().map(UUID.class::cast).toList();
    }

    @Transactional
    public List<Version> versions(UUID organizationId) {
        return NativeColumns.tuples(em.createNativeQuery("""
                select distinct questionnaire_id, questionnaire_version from response
                where organization_id = :org and scored order by 1, 2""", Tuple.class)
                .setParameter("org", organizationId)).stream()
                .map(r -> new Version(r.get("questionnaire_id", String.class),
                        r.get("questionnaire_version", String.class)))
                .toList();
    }

    /** The version's scored responses, by pair and then in session order (submission order within a session). */
    @Transactional
    public List<Row> forVersion(UUID organizationId, Version version) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("""
                select pair_id, session_id, cast(answers as text) as answers, cast(score as text) as score
                from response
                where organization_id = :org and questionnaire_id = :questionnaire
                  and questionnaire_version = :version and scored
                order by pair_id, submitted_at""", Tuple.class)
                .setParameter("org", organizationId).setParameter("questionnaire", version.questionnaireId())
                .setParameter("version", version.version()));
        // Session numbers are care's; the sort is stable, so submission order stays within a session.
        Map<UUID, Integer> numbers = sessions.sessionNumbers(organizationId);
        return rows.stream().map(r -> new Row(r.get("pair_id", UUID.class),
                numbers.get(r.get("session_id", UUID.class)), r.get("answers", String.class),
                r.get("score", String.class)))
                .sorted(Comparator.comparing(Row::pairId).thenComparingInt(Row::sessionNumber)).toList();
    }
}
