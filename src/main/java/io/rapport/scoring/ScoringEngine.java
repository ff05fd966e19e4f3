package io.rapport.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.questionnaire.Cutoff;
import io.rapport.questionnaire.Imputation;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.ScoringMethod;
import io.rapport.questionnaire.ScoringRule;

/**
 * Scores a form exactly as the instrument definition says. Stateless, so one instance can be shared by all threads.
 * Store {@link #SCORER_VERSION} next to every score so a later change of this algorithm can be traced; it is not
 * part of {@link ScoreResult}'s JSON.
 */
public final class ScoringEngine {

    public static final String SCORER_VERSION = "1.0.0";

    /**
     * @param answers item id to a number (Integer, Long, Double, BigDecimal…) or "na"; absent keys are missing items
     * @throws InvalidAnswersException listing every invalid answer
     */
    public ScoreResult score(QuestionnaireDefinition d, Map<String, Object> answers) {
        ScoringRule rule = d.scoring();
        AnswerReader.Answers read = AnswerReader.read(d, answers, rule.imputation() == Imputation.NONE);
        Map<String, BigDecimal> keyed = keyed(d, read.values());
        if (read.absent().size() > rule.maxMissing()) {
            Map<String, BigDecimal> none = new LinkedHashMap<>();
            d.subscales().keySet().forEach(name -> none.put(name, null));
            return new ScoreResult(d.id(), d.version(), null, rule.method(), none, List.of(), false,
                    List.of(Flags.TOO_MANY_MISSING));
        }
        List<String> flags = new ArrayList<>();
        BigDecimal total = round(combine(d.items().stream().map(Item::id).toList(), keyed, rule.method()), rule);
        Map<String, BigDecimal> subscales = new LinkedHashMap<>();
        d.subscales().forEach((name, members) -> {
            long missing = members.stream().filter(read.absent()::contains).count();
            if (missing > rule.subscaleMaxMissing() || missing == members.size()) {
                subscales.put(name, null);
                flags.add(Flags.SUBSCALE_UNSCORED + name);
            } else {
                subscales.put(name, round(combine(members, keyed, rule.method()), rule));
            }
        });
        for (Cutoff cutoff : d.interpretation()) {
            BigDecimal score = QuestionnaireDefinition.TOTAL.equals(cutoff.scale()) ? total
                    : subscales.get(cutoff.scale());
            if (score != null && cutoff.isConcern(score) && !flags.contains(cutoff.flag())) {
                flags.add(cutoff.flag());
            }
        }
        return new ScoreResult(d.id(), d.version(), total, rule.method(), subscales, List.copyOf(read.absent()),
                true, flags);
    }

    /**
     * The reverse-keyed values of the answered items (reverse = min + max − value), in item order; missing and
     * not-applicable items are left out. For statistics over items, such as Cronbach's alpha.
     *
     * @throws InvalidAnswersException when an answer is invalid
     */
    public Map<String, BigDecimal> keyedItems(QuestionnaireDefinition d, Map<String, Object> answers) {
        return keyed(d, AnswerReader.read(d, answers, false).values());
    }

    /** Applies reverse keying: reverse = min + max − value. */
    private static Map<String, BigDecimal> keyed(QuestionnaireDefinition d, Map<String, BigDecimal> raw) {
        Map<String, BigDecimal> keyed = new LinkedHashMap<>();
        for (Item item : d.items()) {
            BigDecimal v = raw.get(item.id());
            if (v != null) {
                keyed.put(item.id(), item.reverse() ? item.min().add(item.max()).subtract(v) : v);
            }
        }
        return keyed;
    }

    /**
     * Missing items of the scale take the mean of its answered items, so a prorated sum is mean × item count and a
     * prorated mean is the mean of the answered items.
     */
    private static BigDecimal combine(List<String> members, Map<String, BigDecimal> keyed, ScoringMethod method) {
        List<BigDecimal> answered = members.stream().map(keyed::get).filter(v -> v != null).toList();
        BigDecimal sum = answered.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(answered.size()), MathContext.DECIMAL128);
        if (method == ScoringMethod.MEAN) {
            return mean;
        }
        return answered.size() == members.size() ? sum : mean.multiply(BigDecimal.valueOf(members.size()));
    }

    private static BigDecimal round(BigDecimal value, ScoringRule rule) {
        BigDecimal rounded = value.setScale(rule.rounding(), RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
