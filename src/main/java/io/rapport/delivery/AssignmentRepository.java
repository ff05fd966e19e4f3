package io.rapport.delivery;

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

    public Optional<Assignment> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }
}
