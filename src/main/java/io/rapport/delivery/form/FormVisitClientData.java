package io.rapport.delivery.form;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.rapport.rights.ClientDataPart;
import io.rapport.rights.ClientExportBuilder;
import io.rapport.rights.ClientScope;

/** The form's share of a client's data: its visits. They are credentials, so erased and never exported. */
@ApplicationScoped
public class FormVisitClientData implements ClientDataPart {

    private final EntityManager em;

    public FormVisitClientData(EntityManager em) {
        this.em = em;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void erase(ClientScope client) {
        if (!client.sessionIds().isEmpty()) {
            em.createNativeQuery("DELETE FROM form_visit WHERE organization_id = :org AND session_id IN (:sessions)")
                    .setParameter("org", client.organizationId()).setParameter("sessions", client.sessionIds())
                    .executeUpdate();
        }
    }

    @Override
    public void export(ClientScope client, ClientExportBuilder export) {
        // Nothing: a visit is a short-lived credential, not something the client said.
    }
}
