package io.rapport.trend.api;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.rapport.questionnaire.Cutoff;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.ReliableChange;
import io.rapport.trend.Direction;
import io.rapport.trend.InstrumentConstants;
import io.rapport.trend.ScoreConstants;

/** Reads the trend engine's constants off an instrument's published definition. */
public final class InstrumentConstantsMapper {

    private InstrumentConstantsMapper() {
    }

    public static InstrumentConstants of(QuestionnaireDefinition d) {
        Direction concern = d.interpretation().stream()
                .filter(c -> QuestionnaireDefinition.TOTAL.equals(c.scale()))
                .findFirst()
                .map(c -> c.direction() == io.rapport.questionnaire.Direction.ABOVE ? Direction.ABOVE : Direction.BELOW)
                // Alliance, empathy and these outcome measures all read higher as better.
                .orElse(Direction.BELOW);
        Map<String, ScoreConstants> subscales = new HashMap<>();
        d.subscales().keySet().forEach(name -> subscales.put(name, constants(d, name)));
        return new InstrumentConstants(d.id(), concern, constants(d, QuestionnaireDefinition.TOTAL), subscales);
    }

    private static ScoreConstants constants(QuestionnaireDefinition d, String scale) {
        Optional<ReliableChange> rc = d.reliableChange().stream().filter(r -> scale.equals(r.scale())).findFirst();
        Double cutoff = d.interpretation().stream().filter(c -> scale.equals(c.scale())).findFirst()
                .map(Cutoff::value).map(BigDecimal::doubleValue).orElse(null);
        return new ScoreConstants(rc.map(r -> r.sd().doubleValue()).orElse(null),
                rc.map(r -> r.reliability().doubleValue()).orElse(null), cutoff, d.scaleStep(scale));
    }
}
