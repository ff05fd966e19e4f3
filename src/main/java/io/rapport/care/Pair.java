package io.rapport.care;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One client with one therapist: the unit whose alliance is tracked over time. */
@Entity
public class Pair {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "therapist_id")
    public UUID therapistId;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Program tags of this pair beyond its therapist's. */
    public String[] tags = new String[0];
    /** Whether the therapist turned the client's own chart off for this pair, whatever the organization chose. */
    @Column(name = "client_chart_off")
    public boolean clientChartOff;
    /** Kept by a database trigger on {@code session}; never written from here. */
    @Column(name = "session_count", insertable = false, updatable = false)
    public long sessionCount;
    @Column(name = "last_session_at", insertable = false, updatable = false)
    public Instant lastSessionAt;
}
