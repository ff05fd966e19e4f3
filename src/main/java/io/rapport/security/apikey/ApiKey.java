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
    /** The key's first characters, for telling keys apart in lists; null for keys issued before it was kept. */
    public String prefix;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    /** The key a rotation issued in this one's place. */
    @Column(name = "replaced_by")
    public UUID replacedBy;

    /** Usable now: not revoked (or inside a rotation's grace period) and not past its end. */
    public boolean usableAt(Instant now) {
        return (revokedAt == null || revokedAt.isAfter(now)) && (expiresAt == null || expiresAt.isAfter(now));
    }
}
