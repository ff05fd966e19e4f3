package io.rapport.care;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class TherapySessionRepository implements OrganizationScoped<TherapySession> {

    public List<TherapySession> forPair(UUID organizationId, UUID pairId) {
        return listInOrganization(organizationId, "pairId = ?2", Sort.by("sessionNumber"), pairId);
    }

    /** The sessions of these pairs, by pair and number. */
    public List<TherapySession> forPairs(UUID organizationId, List<UUID> pairIds) {
        return pairIds.isEmpty() ? List.of()
                : list("organizationId = :org and pairId in :pairs", Sort.by("pairId").and("sessionNumber"),
                        Parameters.with("org", organizationId).and("pairs", pairIds));
    }

    public List<TherapySession> byEncounter(UUID organizationId, String encounterId) {
        return listInOrganization(organizationId, "encounterId = ?2", Sort.by("createdAt"), encounterId);
    }

    public int maxSessionNumber(UUID organizationId, UUID pairId) {
        Integer max = getEntityManager()
                .createQuery("select max(s.sessionNumber) from TherapySession s"
                        + " where s.organizationId = ?1 and s.pairId = ?2", Integer.class)
                .setParameter(1, organizationId).setParameter(2, pairId).getSingleResult();
        return max == null ? 0 : max;
    }

    public boolean numberTaken(UUID pairId, int sessionNumber) {
        return count("pairId = ?1 and sessionNumber = ?2", pairId, sessionNumber) > 0;
    }

    public List<TherapySession> inGroup(UUID organizationId, UUID groupId) {
        return listInOrganization(organizationId, "groupId = ?2", Sort.by("createdAt"), groupId);
    }
}
