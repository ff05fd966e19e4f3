package io.rapport.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where displayed wording comes from, so the API and pages can say whether official wording is installed. */
public enum TextSource {
    PLACEHOLDER("placeholder"),
    CONTENT_PACK("content-pack");

    private final String json;

    TextSource(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
