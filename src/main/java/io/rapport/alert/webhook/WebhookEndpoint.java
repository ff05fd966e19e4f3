package io.rapport.alert.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where an organization wants its events posted. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String url;
    public String description;
    /** Null: every event type. */
    @Column(name = "event_types")
    public String[] eventTypes;
    /** Sealed by {@link SecretCipher}. */
    public String secret;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Null while enabled; a disabled endpoint gets no new deliveries and none of its pending ones are sent. */
    @Column(name = "disabled_at")
    public Instant disabledAt;
}
