package io.rapport.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.persistence.StoredJson;
import io.rapport.rights.ClientDataPart;
import io.rapport.rights.ClientExport;
import io.rapport.rights.ClientExportBuilder;
import io.rapport.rights.ClientScope;

/** Alerts' share of a client's data: the alerts and the outbox events about the client's pairs. */
@ApplicationScoped
public class AlertClientData implements ClientDataPart {

    private final EntityManager em;
    private final ObjectMapper json;

    public AlertClientData(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** After the webhook deliveries that refer to the outbox events. */
    @Override
    public int order() {
        return 40;
    }

    @Override
    public void erase(ClientScope client) {
        if (client.pairIds().isEmpty()) {
            return;
        }
        em.createNativeQuery("DELETE FROM outbox WHERE organization_id = :org AND pair_id IN (:pairs)")
                .setParameter("org", client.organizationId()).setParameter("pairs", client.pairIds())
                .executeUpdate();
        em.createQuery("delete from Alert where organizationId = :org and pairId in :pairs")
                .setParameter("org", client.organizationId()).setParameter("pairs", client.pairIds())
                .executeUpdate();
    }

    @Override
    public void export(ClientScope client, ClientExportBuilder export) {
        if (client.pairIds().isEmpty()) {
            return;
        }
        em.createQuery("from Alert where organizationId = :org and pairId in :pairs", Alert.class)
                .setParameter("org", client.organizationId()).setParameter("pairs", client.pairIds())
                .getResultList()
                .forEach(a -> export.alert(new ClientExport.Alert(a.id, a.pairId, a.questionnaireId, a.type,
                        a.sessionNumber, StoredJson.tree(json, a.detail), a.status, a.createdAt, a.acknowledgedBy,
                        a.acknowledgedAt, a.acknowledgementNote)));
    }
}
