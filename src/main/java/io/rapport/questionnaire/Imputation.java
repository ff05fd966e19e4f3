package io.rapport.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;

/** What replaces a missing or not-applicable item when the instrument allows it. */
public enum Imputation {
    /** Every item is required. */
    NONE("none"),
    /** Missing items take the mean of the answered items of the same scale. */
    MEAN_OF_ANSWERED("mean-of-answered");

    private final String json;

    Imputation(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
