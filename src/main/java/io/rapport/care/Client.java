package io.rapport.care;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Client {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    @Column(name = "preferred_language")
    public String preferredLanguage;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Set by erasure only (native update), never written through the entity. */
    @Column(name = "erased_at", insertable = false, updatable = false)
    public Instant erasedAt;
}
