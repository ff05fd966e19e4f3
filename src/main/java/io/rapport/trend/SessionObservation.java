package io.rapport.trend;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One session of a client–therapist pair, for one instrument. Every session of the pair should be present, answered or
 * not, because repair windows count sessions and no-response counts expired assignments.
 *
 * @param sessionNumber position of the session in the pair's history (1-based, increasing)
 * @param occurredAt when the session took place
 * @param status state of the assignment for this session
 * @param total scored total, or null when not answered or not scored
 * @param subscales scored subscales by name; empty when not answered
 */
public record SessionObservation(int sessionNumber, Instant occurredAt, AssignmentStatus status, Double total,
        Map<String, Double> subscales) {

    public SessionObservation {
        Objects.requireNonNull(status, "status");
        subscales = Maps.sortedCopy(subscales);
    }

    public static SessionObservation answered(int sessionNumber, Instant occurredAt, Double total,
            Map<String, Double> subscales) {
        return new SessionObservation(sessionNumber, occurredAt, AssignmentStatus.ANSWERED, total, subscales);
    }

    public static SessionObservation expired(int sessionNumber, Instant occurredAt) {
        return new SessionObservation(sessionNumber, occurredAt, AssignmentStatus.EXPIRED, null, null);
    }

    public static SessionObservation open(int sessionNumber, Instant occurredAt) {
        return new SessionObservation(sessionNumber, occurredAt, AssignmentStatus.OPEN, null, null);
    }

    public static SessionObservation unassigned(int sessionNumber, Instant occurredAt) {
        return new SessionObservation(sessionNumber, occurredAt, AssignmentStatus.NONE, null, null);
    }

    boolean isAnswered() {
        return status == AssignmentStatus.ANSWERED;
    }
}
