package io.rapport.schedule;

import java.util.List;

/** The whole schedule; it replaces the previous one. Checked by {@link ScheduleValidator}. */
public record ScheduleRequest(List<Rule> rules) {

    /** See {@link ScheduleRuleView} for the meaning of each field. */
    public record Rule(
            String questionnaireId,
            String version,
            List<Integer> sessions,
            Integer every,
            Integer startingAt,
            Boolean allowUnreleased) {
    }
}
