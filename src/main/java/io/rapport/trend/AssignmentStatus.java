package io.rapport.trend;

/** State of the questionnaire assignment attached to a session. */
public enum AssignmentStatus {
    /** Answered; the observation carries the scores (the total may still be null when unscored). */
    ANSWERED,
    /** Expired without an answer. */
    EXPIRED,
    /** Sent and still open: it may yet be answered. */
    OPEN,
    /** No questionnaire was assigned for this session. */
    NONE
}
