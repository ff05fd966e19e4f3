package io.rapport.security.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A sign-in in progress at an organization's identity provider, deleted when the browser comes back. Keeping it in
 * the database lets the callback reach any instance and spends each state exactly once.
 */
@Entity
@Table(name = "oidc_login")
public class OidcLogin {

    /** SHA-256 of the {@code state} parameter. */
    @Id
    @Column(name = "state_hash")
    public String stateHash;
    /** SHA-256 of the cookie that binds the sign-in to the browser that started it. */
    @Column(name = "browser_hash")
    public String browserHash;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String nonce;
    /** The PKCE verifier; useless without the code, which only the provider and the browser see. */
    @Column(name = "code_verifier")
    public String codeVerifier;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
