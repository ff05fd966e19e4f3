package io.rapport.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * A client's answers to one assignment with their score. JSON columns are kept as the text Jackson wrote, so what
 * was stored is exactly what the scorer returned.
 */
@Entity
@Table(name = "response")
public class StoredResponse {

    public enum Channel {
        form("form"),
        api("api"),
        inSession("in-session"),
        /** Collected by the EHR or a FHIR form app and posted as a QuestionnaireResponse. */
        fhir("fhir"),
        /** The therapist's own rating, sent from the pair page. */
        pairPage("pair-page");

        private final String dbValue;

        Channel(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }
    }

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "pair_id")
    public UUID pairId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "questionnaire_id")
    public String questionnaireId;
    @Column(name = "questionnaire_version")
    public String questionnaireVersion;
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String answers;
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String score;
    public BigDecimal total;
    public boolean scored;
    @Column(name = "scorer_version")
    public String scorerVersion;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "duration_ms")
    public Long durationMs;
    @Column(name = "quality_flags")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String qualityFlags;
    public String channel;
    public String language;
    /** Whether the form showed the candour line; null when Rapport drew no form (API, FHIR). */
    @Column(name = "candour_shown")
    public Boolean candourShown;
}
