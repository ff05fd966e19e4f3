package io.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ScheduleRuleViewTest {

    private static List<Integer> sessionsUpTo12(ScheduleRuleView rule) {
        return IntStream.rangeClosed(1, 12).filter(rule::appliesTo).boxed().toList();
    }

    private static ScheduleRuleView rule(List<Integer> sessions, Integer every, Integer startingAt) {
        return new ScheduleRuleView("wai-sr", "1.0.0", sessions, every, startingAt, false);
    }

    @Test
    void shouldSendEverySessionForEveryOne() {
        assertThat(sessionsUpTo12(rule(List.of(), 1, null))).isEqualTo(IntStream.rangeClosed(1, 12).boxed().toList());
    }

    @Test
    void shouldStartEveryNthAtN() {
        assertThat(sessionsUpTo12(rule(List.of(), 3, null))).containsExactly(3, 6, 9, 12);
    }

    @Test
    void shouldCombineListedSessionsWithARepeatFromStartingAt() {
        assertThat(sessionsUpTo12(rule(List.of(1), 4, 3))).containsExactly(1, 3, 7, 11);
    }

    @Test
    void shouldSendOnlyListedSessionsWithoutRepeat() {
        assertThat(sessionsUpTo12(rule(List.of(2, 5), null, null))).containsExactly(2, 5);
    }
}
