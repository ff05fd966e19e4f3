package io.rapport.rights;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.error.ApiException;
import io.rapport.common.persistence.NativeColumns;

/**
 * A client's data rights: a full export, and erasure. Erasure keeps the client, pair and session rows (ids,
 * numbers and dates, which the audit trail and the therapist's other records refer to) and removes everything
 * the client said or that was derived from it: responses, alerts, outbox events and their deliveries, form
 * visits, extra links, and the name, e-mail and language on the client row.
 */
@ApplicationScoped
public class ClientDataService {

    private final EntityManager em;
    private final ObjectMapper json;

    public ClientDataService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Erasing an erased client erases nothing more and succeeds again. */
    @Transactional
    public void erase(UUID organizationId, String externalId) {
        UUID clientId = clientId(organizationId, externalId, true);
        String pairs = "(SELECT id FROM pair WHERE organization_id = ?1 AND client_id = ?2)";
        String sessions = "(SELECT id FROM session WHERE organization_id = ?1 AND pair_id IN " + pairs + ")";
        String assignments = "(SELECT id FROM assignment WHERE organization_id = ?1 AND session_id IN " + sessions
                + ")";
        for (String sql : List.of(
                // First, as a submission does: a racing submission either commits before (and its response is
                // deleted below) or finds its assignment cancelled.
                "UPDATE assignment SET status = 'cancelled', completed_at = NULL WHERE organization_id = ?1"
                        + " AND id IN " + assignments,
                "DELETE FROM webhook_delivery WHERE organization_id = ?1 AND pair_id IN " + pairs,
                "DELETE FROM outbox WHERE organization_id = ?1 AND pair_id IN " + pairs,
                "DELETE FROM alert WHERE organization_id = ?1 AND pair_id IN " + pairs,
                "DELETE FROM response WHERE organization_id = ?1 AND pair_id IN " + pairs,
                "DELETE FROM form_visit WHERE organization_id = ?1 AND session_id IN " + sessions,
                "DELETE FROM assignment_link WHERE organization_id = ?1 AND assignment_id IN " + assignments,
                "UPDATE client SET display_name = NULL, email = NULL, preferred_language = NULL,"
                        + " erased_at = coalesce(erased_at, ?3), updated_at = ?3 WHERE organization_id = ?1 AND id = ?2")) {
            var query = em.createNativeQuery(sql).setParameter(1, organizationId).setParameter(2, clientId);
            if (sql.contains("?3")) {
                query.setParameter(3, Instant.now().truncatedTo(ChronoUnit.MICROS));
            }
            query.executeUpdate();
        }
    }

    @Transactional
    public ClientExport export(UUID organizationId, String externalId) {
        UUID clientId = clientId(organizationId, externalId, false);
        Object[] c = (Object[]) em.createNativeQuery("SELECT id, external_id, display_name, email,"
                + " preferred_language, created_at, updated_at, erased_at FROM client WHERE organization_id = ?1 AND id = ?2")
                .setParameter(1, organizationId).setParameter(2, clientId).getSingleResult();
        var client = new ClientExport.Client((UUID) c[0], (String) c[1], (String) c[2], (String) c[3],
                (String) c[4], NativeColumns.instant(c[5]), NativeColumns.instant(c[6]), NativeColumns.instant(c[7]));

        Map<UUID, List<ClientExport.Assignment>> assignmentsBySession = new LinkedHashMap<>();
        for (Object[] a : rows("SELECT a.session_id, a.id, a.questionnaire_id, a.questionnaire_version, a.status,"
                + " a.expires_at, a.completed_at, a.created_at FROM assignment a JOIN session s ON s.id = a.session_id"
                + " JOIN pair p ON p.id = s.pair_id WHERE p.organization_id = ?1 AND p.client_id = ?2"
                + " ORDER BY a.created_at, a.questionnaire_id", organizationId, clientId)) {
            assignmentsBySession.computeIfAbsent((UUID) a[0], k -> new ArrayList<>())
                    .add(new ClientExport.Assignment((UUID) a[1], (String) a[2], (String) a[3], (String) a[4],
                            NativeColumns.instant(a[5]), NativeColumns.instant(a[6]), NativeColumns.instant(a[7])));
        }
        Map<UUID, List<ClientExport.Session>> sessionsByPair = new LinkedHashMap<>();
        for (Object[] s : rows("SELECT s.pair_id, s.id, s.session_number, s.occurred_at, s.encounter_id, s.group_id"
                + " FROM session s JOIN pair p ON p.id = s.pair_id WHERE p.organization_id = ?1 AND p.client_id = ?2"
                + " ORDER BY s.session_number", organizationId, clientId)) {
            sessionsByPair.computeIfAbsent((UUID) s[0], k -> new ArrayList<>())
                    .add(new ClientExport.Session((UUID) s[1], ((Number) s[2]).intValue(), NativeColumns.instant(s[3]),
                            (String) s[4], (UUID) s[5], assignmentsBySession.getOrDefault((UUID) s[1], List.of())));
        }
        List<ClientExport.Pair> pairs = rows("SELECT p.id, t.external_id, p.created_at FROM pair p"
                + " JOIN therapist t ON t.id = p.therapist_id WHERE p.organization_id = ?1 AND p.client_id = ?2"
                + " ORDER BY p.created_at", organizationId, clientId).stream()
                .map(p -> new ClientExport.Pair((UUID) p[0], (String) p[1], NativeColumns.instant(p[2]),
                        sessionsByPair.getOrDefault((UUID) p[0], List.of())))
                .toList();
        List<ClientExport.Response> responses = rows("SELECT r.id, r.pair_id, r.session_id, r.assignment_id,"
                + " r.questionnaire_id, r.questionnaire_version, r.answers::text, r.score::text, r.total, r.scored,"
                + " r.scorer_version, r.started_at, r.submitted_at, r.duration_ms, r.quality_flags::text, r.channel,"
                + " r.language FROM response r JOIN pair p ON p.id = r.pair_id WHERE p.organization_id = ?1"
                + " AND p.client_id = ?2 ORDER BY r.submitted_at", organizationId, clientId).stream()
                .map(r -> new ClientExport.Response((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3],
                        (String) r[4], (String) r[5], tree(r[6]), tree(r[7]),
                        r[8] == null ? null : ((Number) r[8]).doubleValue(), (Boolean) r[9], (String) r[10],
                        NativeColumns.instant(r[11]), NativeColumns.instant(r[12]),
                        r[13] == null ? null : ((Number) r[13]).longValue(),
                        tree(r[14]), (String) r[15], (String) r[16]))
                .toList();
        List<ClientExport.Alert> alerts = rows("SELECT a.id, a.pair_id, a.questionnaire_id, a.type,"
                + " a.session_number, a.detail::text, a.status, a.created_at, a.acknowledged_by, a.acknowledged_at"
                + " FROM alert a JOIN pair p ON p.id = a.pair_id WHERE p.organization_id = ?1 AND p.client_id = ?2"
                + " ORDER BY a.created_at", organizationId, clientId).stream()
                .map(a -> new ClientExport.Alert((UUID) a[0], (UUID) a[1], (String) a[2], (String) a[3],
                        ((Number) a[4]).intValue(), tree(a[5]), (String) a[6], NativeColumns.instant(a[7]), (String) a[8],
                        NativeColumns.instant(a[9])))
                .toList();
        return new ClientExport(Instant.now().truncatedTo(ChronoUnit.MICROS), client, pairs, responses, alerts);
    }

    private UUID clientId(UUID organizationId, String externalId, boolean lock) {
        List<?> found = em.createNativeQuery("SELECT id FROM client WHERE organization_id = ?1 AND external_id = ?2"
                + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, organizationId).setParameter(2, externalId).getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound("Client " + externalId);
        }
        return (UUID) found.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID organizationId, UUID clientId) {
        return em.createNativeQuery(sql).setParameter(1, organizationId).setParameter(2, clientId).getResultList();
    }

    private JsonNode tree(Object text) {
        try {
            return text == null ? null : json.readTree(text.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }

}
