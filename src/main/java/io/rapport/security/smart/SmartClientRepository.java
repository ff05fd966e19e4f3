package io.rapport.security.smart;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.OrganizationScoped;

/** The {@code smart_client} table. */
@ApplicationScoped
public class SmartClientRepository implements OrganizationScoped<SmartClient> {

    /**
     * The enabled client with this client id, in whatever organization: the token endpoint learns the organization
     * from the client.
     */
    public Optional<SmartClient> findEnabled(UUID clientId) {
        return find("id = ?1 and disabledAt is null", clientId).firstResultOptional();
    }

    /** A page of the organization's clients, newest first. */
    public List<SmartClient> page(UUID organizationId, int page, int size) {
        return find("organizationId = ?1", Sort.descending("createdAt").and("id"), organizationId)
                .page(Page.of(page, size)).list();
    }
}
