package io.rapport.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class AssignmentRepository implements OrganizationScoped<Assignment> {

    public List<Assignment> forSessions(UUID organizationId, Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return listInOrganization(organizationId, "sessionId in ?2", Sort.by("createdAt", "questionnaireId"),
                sessionIds);
    }

    /**
     * When the session's client forms stopped accepting answers, or will: the latest expiry of its client-rated
     * assignments; empty when the session has none.
     */
    public Optional<Instant> clientFormsExpireAt(UUID organizationId, UUID sessionId) {
        return listInOrganization(organizationId, "sessionId = ?2 and rater = ?3", Sort.by("expiresAt"), sessionId,
                Assignment.CLIENT).stream().map(a -> a.expiresAt).reduce((a, b) -> b);
    }

    public Optional<Assignment> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }
}
