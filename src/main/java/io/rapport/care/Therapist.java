package io.rapport.care;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Therapist {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    public boolean active = true;
    /** Program tags; the pairs' insight figures are grouped by them (with the pairs' own). */
    public String[] tags = new String[0];
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
