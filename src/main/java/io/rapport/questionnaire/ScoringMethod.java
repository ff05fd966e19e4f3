package io.rapport.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;

/** How item values are combined into a score. */
public enum ScoringMethod {
    SUM("sum"),
    MEAN("mean");

    private final String json;

    ScoringMethod(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
