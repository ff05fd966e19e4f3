package io.rapport.questionnaire;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.rapport.delivery.AssignmentSchedule;
import io.rapport.delivery.QuestionnaireRef;

/** Until an organization sets its own schedule: one alliance questionnaire after every session. */
@DefaultBean
@ApplicationScoped
public class DefaultSchedule implements AssignmentSchedule {

    static final QuestionnaireRef DEFAULT = new QuestionnaireRef("session-rating-4", "1.0.0");

    @Override
    public List<QuestionnaireRef> questionnairesFor(UUID organizationId, int sessionNumber) {
        return List.of(DEFAULT);
    }
}
