package io.rapport.schedule;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rule of an organization's schedule; see {@link ScheduleRuleView} for its meaning. */
@Entity
@Table(name = "schedule_rule")
public class ScheduleRule {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "rule_index")
    public int ruleIndex;
    @Column(name = "questionnaire_id")
    public String questionnaireId;
    @Column(name = "questionnaire_version")
    public String questionnaireVersion;
    @Column(name = "sessions")
    public int[] sessions;
    @Column(name = "repeat_every")
    public Integer repeatEvery;
    @Column(name = "starting_at")
    public Integer startingAt;
    @Column(name = "allow_unreleased")
    public boolean allowUnreleased;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
