package io.rapport.care;

import java.util.List;
import java.util.UUID;

/** A session held with several clients: one session, with its own assignments, per client–therapist pair. */
public record JointSessionView(UUID groupId, List<SessionView> sessions) {
}
