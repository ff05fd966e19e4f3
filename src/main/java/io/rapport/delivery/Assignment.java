package io.rapport.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * One questionnaire for one session's client (or, for a therapist-rated form, the therapist) to fill, reached
 * through a one-time link.
 */
@Entity
public class Assignment {

    public enum Status {
        open,
        completed,
        expired,
        cancelled
    }

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "questionnaire_id")
    public String questionnaireId;
    @Column(name = "questionnaire_version")
    public String questionnaireVersion;
    /** SHA-256 of the link token; the token itself is never stored. */
    @Column(name = "token_hash")
    public String tokenHash;
    @Enumerated(EnumType.STRING)
    public Status status = Status.open;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    /** When the one reminder is due; null for assignments issued before reminders were per organization. */
    @Column(name = "remind_at")
    public Instant remindAt;
    /** {@code client} or {@code therapist}: who answers, from the catalog's rater when issued. */
    public String rater = CLIENT;

    public static final String CLIENT = "client";
    public static final String THERAPIST = "therapist";

    public boolean therapistRated() {
        return THERAPIST.equals(rater);
    }

    /** The status as a reader should see it: an open link past its expiry is expired. */
    public Status effectiveStatus(Instant now) {
        return status == Status.open && !now.isBefore(expiresAt) ? Status.expired : status;
    }
}
