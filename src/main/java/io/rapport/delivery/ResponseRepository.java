package io.rapport.delivery;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.OrganizationScoped;
import io.rapport.common.web.Page;

@ApplicationScoped
public class ResponseRepository implements OrganizationScoped<StoredResponse> {

    public List<StoredResponse> forPair(UUID organizationId, UUID pairId, Page.Request paging) {
        return find("organizationId = ?1 and pairId = ?2", Sort.descending("submittedAt", "id"), organizationId,
                pairId).page(paging.page(), paging.size()).list();
    }

    /** The pair's responses that have a total, oldest first: what the client's own chart draws. */
    public List<StoredResponse> scoredTotalsForPair(UUID organizationId, UUID pairId) {
        return list("organizationId = ?1 and pairId = ?2 and scored = true and total is not null",
                Sort.by("submittedAt", "id"), organizationId, pairId);
    }

    public long countForPair(UUID organizationId, UUID pairId) {
        return count("organizationId = ?1 and pairId = ?2", organizationId, pairId);
    }
}
