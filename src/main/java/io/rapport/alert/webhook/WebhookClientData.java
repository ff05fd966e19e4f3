package io.rapport.alert.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.rapport.rights.ClientDataPart;
import io.rapport.rights.ClientExportBuilder;
import io.rapport.rights.ClientScope;

/** Webhooks' share of a client's data: pending and past deliveries of the client's events, erased first. */
@ApplicationScoped
public class WebhookClientData implements ClientDataPart {

    private final EntityManager em;

    public WebhookClientData(EntityManager em) {
        this.em = em;
    }

    /** Before the outbox events the deliveries refer to. */
    @Override
    public int order() {
        return 30;
    }

    @Override
    public void erase(ClientScope client) {
        if (!client.pairIds().isEmpty()) {
            em.createNativeQuery("DELETE FROM webhook_delivery WHERE organization_id = :org AND pair_id IN (:pairs)")
                    .setParameter("org", client.organizationId()).setParameter("pairs", client.pairIds())
                    .executeUpdate();
        }
    }

    @Override
    public void export(ClientScope client, ClientExportBuilder export) {
        // Nothing: deliveries copy outbox events, which hold no more than the alerts exported beside them.
    }
}
