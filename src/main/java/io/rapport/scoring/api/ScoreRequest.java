package io.rapport.scoring.api;

import java.util.Map;

import jakarta.validation.constraints.NotNull;

/** Answers keyed by item id: a number, or "na" where the item allows it; absent items are missing. */
public record ScoreRequest(@NotNull Map<String, Object> answers) {
}
