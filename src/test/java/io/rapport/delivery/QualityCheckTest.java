package io.rapport.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

class QualityCheckTest {

    private static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.load(Path.of("questionnaires"),
            Optional.empty());
    private static final QuestionnaireDefinition WAI = CATALOG.get("wai-sr", "1.0.0").orElseThrow();
    private static final QuestionnaireDefinition SRS = CATALOG.get("session-rating-4", "1.0.0").orElseThrow();

    private final QualityCheck check = new QualityCheck(1.5, 5);

    private static Map<String, Object> answers(Number... values) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put(String.valueOf(i + 1), values[i]);
        }
        return answers;
    }

    @Test
    void shouldFlagFiveIdenticalLikertAnswersAsStraightLined() {
        assertThat(check.flags(WAI, answers(4, 4, 4, 4, 4), null, 5)).containsExactly("straight-lined");
        assertThat(check.flags(WAI, answers(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), null, 12))
                .containsExactly("straight-lined");
    }

    @Test
    void shouldNotFlagFewerThanFiveVariedOrVisualAnalogueAnswers() {
        assertThat(check.flags(WAI, answers(4, 4, 4, 4), null, 4)).isEmpty();
        assertThat(check.flags(WAI, answers(4, 4, 4, 4, 5), null, 5)).isEmpty();
        assertThat(check.flags(SRS, answers(5, 5, 5, 5), null, 4)).isEmpty();
    }

    @Test
    void shouldFlagAnswersFasterThanTheMinimumPerItem() {
        assertThat(check.flags(SRS, answers(1, 2, 3, 4), 5_999L, 4)).containsExactly("too-fast");
        assertThat(check.flags(SRS, answers(1, 2, 3, 4), 6_000L, 4)).isEmpty();
    }

    @Test
    void shouldNotJudgeSpeedWithoutADuration() {
        assertThat(check.flags(SRS, answers(1, 2, 3, 4), null, 4)).isEmpty();
    }
}
