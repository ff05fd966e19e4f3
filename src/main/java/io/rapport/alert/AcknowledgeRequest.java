package io.rapport.alert;

/** The optional body of an acknowledgement: a note of at most {@link Alerts#MAX_NOTE} characters. */
public record AcknowledgeRequest(String note) {
}
