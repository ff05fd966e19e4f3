package io.rapport.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Organization {

    /** Created by the first migration; the bootstrap API key belongs to it. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Id
    public UUID id;
    public String slug;
    public String name;
    @Column(name = "link_ttl_hours")
    public int linkTtlHours;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
