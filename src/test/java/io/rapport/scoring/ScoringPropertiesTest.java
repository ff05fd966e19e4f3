package io.rapport.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScoringPropertiesTest {

    private final ScoringEngine engine = new ScoringEngine();

    record Form(QuestionnaireDefinition definition, Map<String, Object> answers) {
    }

    record Corrupted(Form form, String itemId) {
    }

    @Property(tries = 500)
    void shouldKeepEveryScoreWithinTheInstrumentRange(@ForAll("validForms") Form form) {
        QuestionnaireDefinition d = form.definition();
        ScoreResult r = engine.score(d, form.answers());
        if (!r.scored()) {
            assertNull(r.total());
            assertEquals(List.of(Flags.TOO_MANY_MISSING), r.flags());
            return;
        }
        assertTrue(r.total().compareTo(d.totalMin().setScale(d.scoring().rounding(), java.math.RoundingMode.HALF_UP)) >= 0
                && r.total().compareTo(d.totalMax()) <= 0, d.key() + " total " + r.total());
        d.subscales().forEach((name, members) -> {
            BigDecimal score = r.subscales().get(name);
            if (score != null) {
                BigDecimal min = d.items().stream().filter(i -> members.contains(i.id())).map(Item::min)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal max = d.items().stream().filter(i -> members.contains(i.id())).map(Item::max)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertTrue(score.compareTo(min) >= 0 && score.compareTo(max) <= 0, name + " " + score);
            }
        });
    }

    @Property(tries = 500)
    void shouldAlwaysRejectACorruptedAnswer(@ForAll("corruptedForms") Corrupted c) {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> engine.score(c.form().definition(), c.form().answers()));
        assertTrue(e.problems().stream().anyMatch(p -> p.itemId().equals(c.itemId())), e.getMessage());
    }

    @Provide
    Arbitrary<Form> validForms() {
        return Arbitraries.of(Instruments.all()).flatMap(d -> {
            List<Arbitrary<Object>> perItem = new ArrayList<>();
            for (Item item : d.items()) {
                perItem.add(answer(item));
            }
            return Combinators.combine(perItem).as(values -> {
                Map<String, Object> answers = new HashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        answers.put(d.items().get(i).id(), values.get(i));
                    }
                }
                return new Form(d, answers);
            });
        });
    }

    /** A value on the item's scale in a random numeric type, or "na"/missing when the instrument may impute. */
    private static Arbitrary<Object> answer(Item item) {
        int steps = item.max().subtract(item.min()).divide(item.step()).intValueExact();
        Arbitrary<Object> onScale = Arbitraries.integers().between(0, steps).flatMap(k -> {
            BigDecimal v = item.min().add(item.step().multiply(BigDecimal.valueOf(k)));
            return Arbitraries.of(v, v.doubleValue(), v.stripTrailingZeros().scale() <= 0 ? v.intValue() : v);
        });
        if (!item.allowNotApplicable()) {
            return onScale;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, onScale),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("na")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<Corrupted> corruptedForms() {
        return validForms().flatMap(form -> {
            List<Item> items = form.definition().items();
            return Combinators.combine(Arbitraries.integers().between(0, items.size() - 1),
                    Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 50))
                    .as((index, kind, k) -> corrupt(form, items.get(index), kind, k));
        });
    }

    private static Corrupted corrupt(Form form, Item item, int kind, int k) {
        Map<String, Object> answers = new HashMap<>(form.answers());
        BigDecimal stepFraction = item.step().divide(BigDecimal.valueOf(2));
        switch (kind) {
            case 0 -> answers.put(item.id(), item.max().add(item.step().multiply(BigDecimal.valueOf(k))));
            case 1 -> answers.put(item.id(), item.min().add(stepFraction).doubleValue());
            default -> {
                answers.put("x" + k, 1);
                return new Corrupted(new Form(form.definition(), answers), "x" + k);
            }
        }
        return new Corrupted(new Form(form.definition(), answers), item.id());
    }
}
