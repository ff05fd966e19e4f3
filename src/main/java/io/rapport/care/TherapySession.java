package io.rapport.care;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pair's numbered meeting. */
@Entity
@Table(name = "session")
public class TherapySession {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "pair_id")
    public UUID pairId;
    @Column(name = "session_number")
    public int sessionNumber;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "encounter_id")
    public String encounterId;
    /** Shared by the sessions of clients seen together, such as a couple; null for an individual session. */
    @Column(name = "group_id")
    public UUID groupId;
    @Column(name = "created_at")
    public Instant createdAt;
}
