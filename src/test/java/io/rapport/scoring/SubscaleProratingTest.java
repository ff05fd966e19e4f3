package io.rapport.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rapport.questionnaire.Imputation;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.ResponseType;
import io.rapport.questionnaire.ScoringMethod;
import io.rapport.questionnaire.ScoringRule;

class SubscaleProratingTest {

    private static QuestionnaireDefinition fixture(int subscaleMaxMissing) {
        List<Item> items = List.of("1", "2", "3", "4").stream()
                .map(id -> new Item(id, Map.of("en", "[Placeholder] " + id), ResponseType.LIKERT, BigDecimal.ONE,
                        BigDecimal.valueOf(5), null, Map.of(), false, true))
                .toList();
        Map<String, List<String>> subscales = new LinkedHashMap<>();
        subscales.put("a", List.of("1", "2"));
        subscales.put("b", List.of("3", "4"));
        return new QuestionnaireDefinition("fixture", "1.0.0", "Fixture", "alliance", "client", "Fixture citation",
                "nobody", "none", true, null, List.of("en"), items, subscales,
                new ScoringRule(ScoringMethod.SUM, 1, Imputation.MEAN_OF_ANSWERED, subscaleMaxMissing, 1, null),
                List.of(), List.of(), null);
    }

    @Test
    void shouldLeaveSubscaleUnscoredWhenItsItemIsMissing() {
        // answered 4, 2, 5: mean 11/3, total = 11/3 * 4 = 14.67 -> 14.7; a = 4+2 = 6; b has item 4 missing
        ScoreResult r = new ScoringEngine().score(fixture(0), Map.of("1", 4, "2", 2, "3", 5));
        assertEquals(0, new BigDecimal("14.7").compareTo(r.total()));
        assertEquals(0, BigDecimal.valueOf(6).compareTo(r.subscales().get("a")));
        assertNull(r.subscales().get("b"));
        assertEquals(List.of("subscale-unscored:b"), r.flags());
        assertEquals(List.of("4"), r.imputedItems());
    }

    @Test
    void shouldProrateSubscaleFromItsOwnItemsWhenAllowed() {
        // b: only item 3 = 5 answered, prorated 5 * 2 = 10
        ScoreResult r = new ScoringEngine().score(fixture(1), Map.of("1", 4, "2", 2, "3", 5));
        assertEquals(0, BigDecimal.TEN.compareTo(r.subscales().get("b")));
        assertEquals(List.of(), r.flags());
    }
}
