package io.rapport.alert;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class AlertRepository implements OrganizationScoped<Alert> {

    /** The distinct pairs of the organization, among {@code pairs} (null: all), with alerts in this status. */
    List<UUID> pairsWith(UUID organizationId, Collection<UUID> pairs, String status) {
        TypedQuery<UUID> q = getEntityManager().createQuery("select distinct a.pairId from Alert a"
                + " where a.organizationId = ?1 and a.status = ?2" + (pairs == null ? "" : " and a.pairId in ?3"),
                UUID.class).setParameter(1, organizationId).setParameter(2, status);
        if (pairs != null) {
            q.setParameter(3, pairs);
        }
        return q.getResultList();
    }
}
