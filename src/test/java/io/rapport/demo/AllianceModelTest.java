package io.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.scoring.ScoringEngine;

class AllianceModelTest {

    private static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.load(Path.of("questionnaires"),
            Optional.empty());

    @Test
    void shouldAnswerOnTheItemsStepWithinItsRange() {
        for (QuestionnaireDefinition d : CATALOG.all()) {
            AllianceModel model = new AllianceModel(d, 4, new Random(7));
            for (int i = 0; i <= 100; i++) {
                Map<String, Object> answers = model.answers(i / 100.0);
                for (Item item : d.items()) {
                    BigDecimal v = (BigDecimal) answers.get(item.id());
                    assertThat(v).isBetween(item.min(), item.max());
                    BigDecimal step = item.step() == null ? new BigDecimal("0.1") : item.step();
                    assertThat(v.subtract(item.min()).remainder(step).signum()).as(d.key() + " item " + item.id())
                            .isZero();
                }
            }
        }
    }

    @Test
    void shouldGiveTheTotalTheStatedSessionToSessionSdAwayFromTheLimits() {
        QuestionnaireDefinition srs = CATALOG.latest("session-rating-4").orElseThrow();
        AllianceModel model = new AllianceModel(srs, 1.5, new Random(11));
        ScoringEngine scoring = new ScoringEngine();
        int n = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double total = scoring.score(srs, model.answers(0.5)).total().doubleValue();
            sum += total;
            squares += total * total;
        }
        double mean = sum / n;
        double sd = Math.sqrt((squares - n * mean * mean) / (n - 1));
        assertThat(mean).isCloseTo(20, within(0.05));
        // Rounding to 0.1 per item adds √(4 · 0.01/12) ≈ 0.06 in quadrature: 1.5 → 1.501.
        assertThat(sd).isCloseTo(1.5, within(0.03));
    }

    @Test
    void shouldAnswerAReversedItemReversed() {
        QuestionnaireDefinition withReversed = CATALOG.all().stream()
                .filter(d -> d.items().stream().anyMatch(Item::reverse)).findFirst().orElseThrow();
        Item reversed = withReversed.items().stream().filter(Item::reverse).findFirst().orElseThrow();
        Map<String, Object> answers = new AllianceModel(withReversed, 0, new Random(1)).answers(1.0);
        assertThat((BigDecimal) answers.get(reversed.id())).isEqualByComparingTo(reversed.min());
    }
}
