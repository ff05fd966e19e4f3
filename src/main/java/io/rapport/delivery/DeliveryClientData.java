package io.rapport.delivery;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.persistence.StoredJson;
import io.rapport.rights.ClientDataPart;
import io.rapport.rights.ClientExport;
import io.rapport.rights.ClientExportBuilder;
import io.rapport.rights.ClientScope;

/**
 * Delivery's share of a client's data: assignments, their extra links, and responses. Erasure runs first, as a
 * submission does: it cancels the client's assignments, so a racing submission either committed before (and its
 * response is deleted here) or finds its assignment cancelled. Assignment rows stay, as dated facts of a session.
 */
@ApplicationScoped
public class DeliveryClientData implements ClientDataPart {

    private final EntityManager em;
    private final ObjectMapper json;

    public DeliveryClientData(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void erase(ClientScope client) {
        if (!client.sessionIds().isEmpty()) {
            em.createQuery("update Assignment set status = :cancelled, completedAt = null"
                    + " where organizationId = :org and sessionId in :sessions")
                    .setParameter("cancelled", Assignment.Status.cancelled)
                    .setParameter("org", client.organizationId()).setParameter("sessions", client.sessionIds())
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM assignment_link WHERE organization_id = :org AND assignment_id IN"
                    + " (SELECT id FROM assignment WHERE organization_id = :org AND session_id IN (:sessions))")
                    .setParameter("org", client.organizationId()).setParameter("sessions", client.sessionIds())
                    .executeUpdate();
        }
        if (!client.pairIds().isEmpty()) {
            em.createQuery("delete from StoredResponse where organizationId = :org and pairId in :pairs")
                    .setParameter("org", client.organizationId()).setParameter("pairs", client.pairIds())
                    .executeUpdate();
        }
    }

    @Override
    public void export(ClientScope client, ClientExportBuilder export) {
        if (!client.sessionIds().isEmpty()) {
            em.createQuery("from Assignment where organizationId = :org and sessionId in :sessions",
                    Assignment.class)
                    .setParameter("org", client.organizationId()).setParameter("sessions", client.sessionIds())
                    .getResultList()
                    .forEach(a -> export.assignment(a.sessionId, new ClientExport.Assignment(a.id, a.questionnaireId,
                            a.questionnaireVersion, a.status.name(), a.expiresAt, a.completedAt, a.createdAt)));
        }
        if (!client.pairIds().isEmpty()) {
            List<StoredResponse> responses = em.createQuery(
                    "from StoredResponse where organizationId = :org and pairId in :pairs", StoredResponse.class)
                    .setParameter("org", client.organizationId()).setParameter("pairs", client.pairIds())
                    .getResultList();
            responses.forEach(r -> export.response(new ClientExport.Response(r.id, r.pairId, r.sessionId,
                    r.assignmentId, r.questionnaireId, r.questionnaireVersion, StoredJson.tree(json, r.answers),
                    StoredJson.tree(json, r.score),
                    r.total == null ? null : r.total.doubleValue(), r.scored, r.scorerVersion, r.startedAt,
                    r.submittedAt, r.durationMs, StoredJson.tree(json, r.qualityFlags), r.channel, r.language)));
        }
    }
}
