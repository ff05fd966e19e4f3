package io.rapport.security.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in browser. The cookie carries a random token; the id is its SHA-256, so a leaked table logs no one in. */
@Entity
@Table(name = "web_session")
public class WebSession {

    @Id
    public String id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "account_id")
    public UUID accountId;
    /** Must come back in every state-changing form of this session. */
    @Column(name = "csrf_token")
    public String csrfToken;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
