package io.rapport.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * The measurement model of the demo and of the rupture simulation. A pair has a true alliance level, a share of each
 * item's range. Each session adds one deviation shared by all items (the session went better or worse) and
 * independent noise per item, half of the session-to-session variance each. Answers are rounded to the item's step
 * and clipped at its limits, so a pair near the top of the scale shows the ceiling effect of real alliance data.
 * <p>
 * The noise is given as the SD of the total on a 0–40 scale (the session rating's range) and scaled to the
 * instrument's summed item range, so 1.5 means the same share of the range on every instrument.
 */
public final class AllianceModel {

    private final QuestionnaireDefinition definition;
    private final Random random;
    private final double sharedSd;
    private final double itemSd;

    public AllianceModel(QuestionnaireDefinition definition, double noiseOn40, Random random) {
        this.definition = definition;
        this.random = random;
        int k = definition.items().size();
        double range = definition.items().stream().mapToDouble(i -> i.max().subtract(i.min()).doubleValue()).sum();
        double totalSd = noiseOn40 * range / 40;
        // k² · shared² = totalSd² / 2 and k · item² = totalSd² / 2.
        this.sharedSd = totalSd / (k * Math.sqrt(2));
        this.itemSd = totalSd / Math.sqrt(2.0 * k);
    }

    /** Raw answers (reverse items answered reversed, as a client would) for one session at this true level. */
    public Map<String, Object> answers(double trueShare) {
        double shared = random.nextGaussian() * sharedSd;
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Item item : definition.items()) {
            answers.put(item.id(), value(item, trueShare, shared + random.nextGaussian() * itemSd));
        }
        return answers;
    }

    private static BigDecimal value(Item item, double share, double deviation) {
        double min = item.min().doubleValue();
        double max = item.max().doubleValue();
        double keyed = min + Math.max(0, Math.min(1, share)) * (max - min) + deviation;
        double raw = item.reverse() ? min + max - keyed : keyed;
        BigDecimal step = item.step() == null ? new BigDecimal("0.1") : item.step();
        BigDecimal steps = BigDecimal.valueOf(raw - min).divide(step, 0, RoundingMode.HALF_UP);
        return item.min().add(steps.multiply(step)).min(item.max()).max(item.min()).stripTrailingZeros();
    }
}
