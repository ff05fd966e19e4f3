package io.rapport.scoring;

import static io.rapport.scoring.Instruments.answers;
import static io.rapport.scoring.Instruments.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.rapport.scoring.AnswerProblem.Code;

class AnswerValidationTest {

    private final ScoringEngine engine = new ScoringEngine();

    private static Map<String, Code> codes(InvalidAnswersException e) {
        Map<String, Code> codes = new TreeMap<>();
        e.problems().forEach(p -> codes.put(p.itemId(), p.code()));
        return codes;
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        Map<String, Object> answers = answers(6, 2.5, "na", "yes", true, 0, null, 3, 3, 3, 3, 3);
        answers.put("99", 3);
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> engine.score(get("wai-sr"), answers));
        assertEquals(Map.of("1", Code.OUT_OF_RANGE, "2", Code.OFF_STEP, "3", Code.NOT_APPLICABLE_NOT_ALLOWED,
                "4", Code.WRONG_TYPE, "5", Code.WRONG_TYPE, "6", Code.OUT_OF_RANGE, "7", Code.MISSING_REQUIRED,
                "99", Code.UNKNOWN_ITEM), codes(e));
        e.problems().forEach(p -> assertEquals(false, p.message().isBlank()));
    }

    @Test
    void shouldRejectVasValueOffTheTenthStep() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> engine.score(get("session-rating-4"), answers(8.95, 9, 9, 9)));
        assertEquals(Map.of("1", Code.OFF_STEP), codes(e));
    }

    @Test
    void shouldRejectVasValueAboveTen() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> engine.score(get("outcome-rating-4"), answers(10.1, 9, 9, -0.1)));
        assertEquals(Map.of("1", Code.OUT_OF_RANGE, "4", Code.OUT_OF_RANGE), codes(e));
    }

    @Test
    void shouldRejectNonFiniteNumbers() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> engine.score(get("session-rating-4"), answers(Double.NaN, Double.POSITIVE_INFINITY, 1, 1)));
        assertEquals(Map.of("1", Code.WRONG_TYPE, "2", Code.WRONG_TYPE), codes(e));
    }

    @Test
    void shouldRequireEveryItemWhenInstrumentHasNoImputation() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> engine.score(get("arm-5"), answers(7, 6, null, 5)));
        assertEquals(Map.of("3", Code.MISSING_REQUIRED, "5", Code.MISSING_REQUIRED), codes(e));
    }

    @Test
    void shouldRejectStringsOtherThanNa() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> engine.score(get("care"), answers("NA", "5", 4, 4, 4, 4, 4, 4, 4, 4)));
        assertEquals(List.of(Code.WRONG_TYPE, Code.WRONG_TYPE), e.problems().stream().map(AnswerProblem::code).toList());
    }
}
