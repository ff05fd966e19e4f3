package io.rapport.questionnaire;

import java.math.BigDecimal;

/** An interpretation threshold on the total ({@code scale} = "total") or on a subscale. */
public record Cutoff(
        BigDecimal value,
        Direction direction,
        String label,
        String flag,
        String scale,
        String source) {

    public Cutoff {
        scale = scale == null ? QuestionnaireDefinition.TOTAL : scale;
    }

    public boolean isConcern(BigDecimal score) {
        int cmp = score.compareTo(value);
        return direction == Direction.BELOW ? cmp < 0 : cmp > 0;
    }
}
