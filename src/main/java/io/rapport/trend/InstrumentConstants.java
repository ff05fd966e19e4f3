package io.rapport.trend;

import java.util.Map;
import java.util.Objects;

/**
 * Constants of one questionnaire.
 *
 * @param questionnaireId id of the questionnaire
 * @param concernWhen side of concern for the cutoff and for drops of every score of this instrument
 * @param total constants of the total score
 * @param subscales constants per subscale; a subscale not listed gets no RCI and no cutoff, with the total's step
 */
public record InstrumentConstants(String questionnaireId, Direction concernWhen, ScoreConstants total,
        Map<String, ScoreConstants> subscales) {

    public InstrumentConstants {
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(concernWhen, "concernWhen");
        Objects.requireNonNull(total, "total");
        subscales = Maps.sortedCopy(subscales);
    }

    ScoreConstants subscale(String name) {
        return subscales.getOrDefault(name, ScoreConstants.stepOnly(total.step()));
    }
}
