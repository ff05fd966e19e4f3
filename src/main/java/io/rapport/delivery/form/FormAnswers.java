package io.rapport.delivery.form;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.delivery.FormMessages;
import io.rapport.questionnaire.Item;
import io.rapport.scoring.AnswerProblem;
import io.rapport.scoring.InvalidAnswersException;
import io.rapport.scoring.ScoringEngine;

/**
 * Reads a submitted form page into answers per questionnaire, with every problem as a message in the page's
 * language, checked by the same scoring engine that will store them.
 */
final class FormAnswers {

    /** The answers by part, the problems by field name, and how many items the page showed. */
    record Parsed(Map<FormPageBuilder.Part, Map<String, Object>> answers, Map<String, String> problems, int items) {
    }

    private static final ScoringEngine ENGINE = new ScoringEngine();

    private FormAnswers() {
    }

    static Parsed parse(List<FormPageBuilder.Part> open, Map<String, String> form, FormMessages t) {
        Map<String, String> problems = new HashMap<>();
        Map<FormPageBuilder.Part, Map<String, Object>> answers = new LinkedHashMap<>();
        int items = 0;
        for (FormPageBuilder.Part part : open) {
            Map<String, Object> partAnswers = new LinkedHashMap<>();
            for (Item item : part.definition().items()) {
                items++;
                String name = FormPageBuilder.fieldName(part.assignment(), item);
                String raw = form.getOrDefault(name, "").trim().replace(',', '.');
                if (raw.isEmpty()) {
                    continue;
                }
                if (FormPageBuilder.NOT_APPLICABLE.equals(raw)) {
                    partAnswers.put(item.id(), raw);
                    continue;
                }
                try {
                    partAnswers.put(item.id(), new BigDecimal(raw));
                } catch (NumberFormatException e) {
                    problems.put(name, t.errorNumber(example(item)));
                }
            }
            if (partAnswers.isEmpty()) {
                // Instruments that prorate accept missing items, but a blank page is a slip, not an answer.
                for (Item item : part.definition().items()) {
                    problems.putIfAbsent(FormPageBuilder.fieldName(part.assignment(), item), t.errorRequired());
                }
            }
            try {
                ENGINE.score(part.definition(), partAnswers);
            } catch (InvalidAnswersException e) {
                for (AnswerProblem p : e.problems()) {
                    part.definition().item(p.itemId()).ifPresent(item -> problems.putIfAbsent(
                            FormPageBuilder.fieldName(part.assignment(), item), problemText(t, item, p)));
                }
            }
            answers.put(part, partAnswers);
        }
        return new Parsed(answers, problems, items);
    }

    private static String problemText(FormMessages t, Item item, AnswerProblem p) {
        String min = FormPageBuilder.plain(item.min());
        String max = FormPageBuilder.plain(item.max());
        return switch (p.code()) {
            case OUT_OF_RANGE -> t.errorRange(min, max);
            case OFF_STEP -> t.errorStep(FormPageBuilder.plain(item.step()));
            case WRONG_TYPE -> t.errorNumber(example(item));
            case NOT_APPLICABLE_NOT_ALLOWED -> t.errorNa();
            case MISSING_REQUIRED, UNKNOWN_ITEM -> t.errorRequired();
        };
    }

    private static String example(Item item) {
        return FormPageBuilder.plain(item.max().subtract(item.step()));
    }
}
