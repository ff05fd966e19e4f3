package io.rapport.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of a cutoff is the side of concern. */
public enum Direction {
    /** Concern when score &lt; value. */
    BELOW("below"),
    /** Concern when score &gt; value. */
    ABOVE("above");

    private final String json;

    Direction(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
