package io.rapport.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trend event that needs a clinician's attention, open until someone acknowledges it. */
@Entity
@Table(name = "alert")
public class Alert {

    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "pair_id")
    public UUID pairId;
    @Column(name = "questionnaire_id")
    public String questionnaireId;
    public String type;
    @Column(name = "session_number")
    public int sessionNumber;
    /** JSON text; rows are inserted with native SQL only, so it is never written from here. */
    @Column(insertable = false, updatable = false)
    public String detail;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    /** What the person who acknowledged it wrote; at most {@link Alerts#MAX_NOTE} characters. */
    @Column(name = "acknowledgement_note")
    public String acknowledgementNote;
}
