package io.rapport.security.smart;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered backend client; its id is the OAuth {@code client_id}. */
@Entity
@Table(name = "smart_client")
public class SmartClient {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String name;
    /** Where the client publishes its keys; null when {@link #jwks} holds them. */
    @Column(name = "jwks_url")
    public String jwksUrl;
    /** The client's public keys as JWKS JSON; null when {@link #jwksUrl} says where they are. */
    public String jwks;
    /** The SMART scopes it may ask for, space-separated. */
    public String scopes;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "disabled_at")
    public Instant disabledAt;
}
