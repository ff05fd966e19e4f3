package io.rapport.schedule;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The schedule in force; {@code default} is true while the organization has not saved one of its own. */
public record ScheduleView(
        @JsonProperty("default") boolean usingDefault,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant updatedAt,
        List<ScheduleRuleView> rules) {
}
