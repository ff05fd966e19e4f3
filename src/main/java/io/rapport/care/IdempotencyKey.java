package io.rapport.care;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Remembers the session a keyed request created, so a retry returns it instead of creating another. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @EmbeddedId
    public Key key;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "created_at")
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "organization_id") UUID organizationId,
            @Column(name = "idempotency_key") String value) implements Serializable {
    }
}
