package io.rapport.questionnaire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an item is answered: a Likert integer scale or a visual analogue scale with a finer step. */
public enum ResponseType {
    @JsonProperty("likert")
    LIKERT,
    @JsonProperty("vas")
    VAS
}
