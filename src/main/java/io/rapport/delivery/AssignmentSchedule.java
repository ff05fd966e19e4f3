package io.rapport.delivery;

import java.util.List;
import java.util.UUID;

/** Decides which questionnaires a session's client is asked to fill. */
public interface AssignmentSchedule {

    List<QuestionnaireRef> questionnairesFor(UUID organizationId, int sessionNumber);
}
