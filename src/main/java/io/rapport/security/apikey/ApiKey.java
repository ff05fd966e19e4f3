package io.rapport.security.apikey;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.rapport.security.Scopes;

@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;
    /** Null only for the platform operator, who belongs to no organization. */
    @Column(name = "organization_id")
    public UUID organizationId;
    public String name;
    public String role;
    /** SHA-256 of the key; the key itself is shown once and never stored. */
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** Space-separated {@link Scopes}; null for full access (keys issued before scopes existed). */
    public String scopes;
}
