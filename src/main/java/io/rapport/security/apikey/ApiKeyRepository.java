package io.rapport.security.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
/** The operator's key has no organization; every other key is found only within its organization. */
public class ApiKeyRepository implements OrganizationScoped<ApiKey> {

    /** The key with this hash if it is usable now: not revoked (or in a rotation's grace period), not expired. */
    public Optional<ApiKey> findActiveByHash(String keyHash) {
        Instant now = Instant.now();
        return find("keyHash = ?1 and (revokedAt is null or revokedAt > ?2) and (expiresAt is null or expiresAt > ?2)",
                keyHash, now).firstResultOptional();
    }

    /** A page of the organization's keys, newest first. */
    public List<ApiKey> page(UUID organizationId, int page, int size) {
        return find("organizationId = ?1", Sort.descending("createdAt").and("id"), organizationId)
                .page(Page.of(page, size)).list();
    }

    /** Records that an instance looked the key up; the cache makes this at most once per TTL per instance. */
    public void touch(UUID id, Instant now) {
        update("lastUsedAt = ?1 where id = ?2", now, id);
    }

    public Optional<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }
}
