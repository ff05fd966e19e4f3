package io.rapport.delivery;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

/**
 * Answers from an app or kiosk: item id to a number, or "na" where the item allows it. {@code startedAt}, when the
 * client showed the form, lets the response record how long answering took.
 */
public record SubmissionRequest(@NotNull Map<String, Object> answers, Instant startedAt) {
}
