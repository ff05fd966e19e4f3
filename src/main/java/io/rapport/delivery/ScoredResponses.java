package io.rapport.delivery;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.AvailableHints;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.persistence.ReadModel;

/** Scored responses read in bulk, for statistics over an organization's data (local norms). */
@ApplicationScoped
@ReadModel("Local norms read every scored response of a version in session order; sorting by care's session numbers in the statement lets it stream, where a map of every session number did not fit the heap")
public class ScoredResponses {

    /** An instrument version an organization has scored responses for. */
    public record Version(String questionnaireId, String version) {
    }

    /** One scored response: raw answers and the stored score, as JSON text. */
    public record Row(UUID pairId, int sessionNumber, String answersJson, String scoreJson) {
    }

    /** Rows fetched per round trip while streaming. */
    static final int FETCH_SIZE = 500;

    private final EntityManager em;

    public ScoredResponses(EntityManager em) {
        this.em = em;
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

    /**
     * The version's scored responses, by pair and then in session order (submission order within a session), handed
     * to {@code each} as they are read: a page of rows at a time, so the whole organization is never in memory.
     * Must run in a transaction (PostgreSQL streams a result only inside one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEachInSessionOrder(UUID organizationId, Version version, Consumer<Row> each) {
        try (Stream<?> rows = em.createNativeQuery("""
                select r.pair_id, s.session_number, cast(r.answers as text) as answers, cast(r.score as text) as score
                from response r
                join session s on s.organization_id = r.organization_id and s.id = r.session_id
                where r.organization_id = :org and r.questionnaire_id = :questionnaire
                  and r.questionnaire_version = :version and r.scored
                order by r.pair_id, s.session_number, r.submitted_at""", Tuple.class)
                .setParameter("org", organizationId).setParameter("questionnaire", version.questionnaireId())
                .setParameter("version", version.version()).setHint(AvailableHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .getResultStream()) {
            rows.map(Tuple.class::cast).forEach(r -> each.accept(new Row(r.get("pair_id", UUID.class),
                    ((Number) r.get("session_number")).intValue(), r.get("answers", String.class),
                    r.get("score", String.class))));
        }
    }
}
