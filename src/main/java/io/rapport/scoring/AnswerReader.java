package io.rapport.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;

/** Turns raw answers into exact decimal values, collecting every problem instead of stopping at the first. */
final class AnswerReader {

    static final String NOT_APPLICABLE = "na";

    /** Raw (not reversed) values of answered items, and ids of missing or not-applicable items, in item order. */
    record Answers(Map<String, BigDecimal> values, Set<String> absent) {
    }

    private AnswerReader() {
    }

    /** @param required whether a missing answer is itself an error (instruments without imputation) */
    static Answers read(QuestionnaireDefinition d, Map<String, Object> answers, boolean required) {
        List<AnswerProblem> problems = new ArrayList<>();
        for (String key : new TreeSet<>(answers.keySet())) {
            if (d.item(key).isEmpty()) {
                problems.add(new AnswerProblem(key, AnswerProblem.Code.UNKNOWN_ITEM,
                        "no item '" + key + "' in " + d.key()));
            }
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Set<String> absent = new LinkedHashSet<>();
        for (Item item : d.items()) {
            Object raw = answers.get(item.id());
            if (raw == null) {
                absent.add(item.id());
                if (required) {
                    problems.add(new AnswerProblem(item.id(), AnswerProblem.Code.MISSING_REQUIRED,
                            "item " + item.id() + " is required by " + d.key()));
                }
            } else if (NOT_APPLICABLE.equals(raw)) {
                if (item.allowNotApplicable()) {
                    absent.add(item.id());
                } else {
                    problems.add(new AnswerProblem(item.id(), AnswerProblem.Code.NOT_APPLICABLE_NOT_ALLOWED,
                            "item " + item.id() + " has no 'not applicable' option"));
                }
            } else {
                BigDecimal value = number(raw);
                if (value == null) {
                    problems.add(new AnswerProblem(item.id(), AnswerProblem.Code.WRONG_TYPE,
                            "expected a number or \"na\", got " + describe(raw)));
                } else if (value.compareTo(item.min()) < 0 || value.compareTo(item.max()) > 0) {
                    problems.add(new AnswerProblem(item.id(), AnswerProblem.Code.OUT_OF_RANGE,
                            value.toPlainString() + " is outside " + item.min() + ".." + item.max()));
                } else if (value.subtract(item.min()).remainder(item.step()).signum() != 0) {
                    problems.add(new AnswerProblem(item.id(), AnswerProblem.Code.OFF_STEP,
                            value.toPlainString() + " is not on the scale step " + item.step()));
                } else {
                    values.put(item.id(), value);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
        return new Answers(values, absent);
    }

    /**
     * Doubles go through their shortest decimal form, so 3.7 stays 3.7 rather than
     * 3.70000000000000017763568394002504646778106689453125.
     */
    private static BigDecimal number(Object raw) {
        if (raw instanceof BigDecimal b) {
            return b;
        }
        if (raw instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return raw instanceof Float ? new BigDecimal(raw.toString()) : BigDecimal.valueOf(d);
        }
        return null;
    }

    private static String describe(Object raw) {
        if (raw instanceof String s) {
            return "\"" + s + "\"";
        }
        return raw.getClass().getSimpleName() + " " + raw;
    }
}
