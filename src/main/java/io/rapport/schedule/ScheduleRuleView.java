package io.rapport.schedule;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule as stored: {@code questionnaireId} in {@code version} is given at every session number listed in
 * {@code sessions}, and, when {@code every} is set, at {@code startingAt}, {@code startingAt + every},
 * {@code startingAt + 2 × every} and so on; {@code startingAt} defaults to {@code every}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleRuleView(
        String questionnaireId,
        String version,
        List<Integer> sessions,
        Integer every,
        Integer startingAt,
        boolean allowUnreleased) {

    public ScheduleRuleView {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    public boolean appliesTo(int sessionNumber) {
        if (sessions.contains(sessionNumber)) {
            return true;
        }
        if (every == null) {
            return false;
        }
        int start = startingAt == null ? every : startingAt;
        return sessionNumber >= start && (sessionNumber - start) % every == 0;
    }

    static ScheduleRuleView of(ScheduleRule r) {
        return new ScheduleRuleView(r.questionnaireId, r.questionnaireVersion,
                Arrays.stream(r.sessions).boxed().toList(), r.repeatEvery, r.startingAt, r.allowUnreleased);
    }
}
