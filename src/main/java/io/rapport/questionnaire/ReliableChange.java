package io.rapport.questionnaire;

import java.math.BigDecimal;

/** Reference constants for the Jacobson–Truax reliable change index of one scale. */
public record ReliableChange(
        String scale,
        BigDecimal sd,
        BigDecimal reliability,
        String source) {

    public ReliableChange {
        scale = scale == null ? QuestionnaireDefinition.TOTAL : scale;
    }
}
