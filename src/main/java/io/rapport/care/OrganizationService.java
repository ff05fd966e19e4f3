package io.rapport.care;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.security.Roles;
import io.rapport.security.apikey.ApiKeyService;
import io.rapport.tenancy.Organization;
import io.rapport.tenancy.OrganizationRepository;

@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final ApiKeyService apiKeys;

    public OrganizationService(OrganizationRepository organizations, ApiKeyService apiKeys) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
    }

    @Transactional
    public OrganizationCreated create(OrganizationRequest request) {
        if (organizations.slugTaken(request.slug())) {
            throw ApiException.conflict("slug-taken", "slug", "is already used by another organization");
        }
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.slug = request.slug();
        org.name = request.name();
        org.linkTtlHours = request.linkTtlHours() == null ? OrganizationRequest.DEFAULT_LINK_TTL_HOURS
                : request.linkTtlHours();
        org.createdAt = Instant.now();
        organizations.persist(org);
        String key = apiKeys.issue(org.id, Roles.ADMIN, "first admin key");
        return new OrganizationCreated(org.id, org.slug, org.name, org.linkTtlHours, key);
    }
}
