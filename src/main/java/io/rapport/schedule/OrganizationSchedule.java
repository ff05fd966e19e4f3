package io.rapport.schedule;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.rapport.delivery.AssignmentSchedule;
import io.rapport.delivery.QuestionnaireRef;
import io.rapport.questionnaire.QuestionnaireCatalog;

/** Assignments as the organization's schedule asks for them, in the order of its rules. */
@ApplicationScoped
public class OrganizationSchedule implements AssignmentSchedule {

    private static final Logger LOG = Logger.getLogger(OrganizationSchedule.class);

    private final ScheduleService schedules;
    private final QuestionnaireCatalog catalog;

    public OrganizationSchedule(ScheduleService schedules, QuestionnaireCatalog catalog) {
        this.schedules = schedules;
        this.catalog = catalog;
    }

    @Override
    public List<QuestionnaireRef> questionnairesFor(UUID organizationId, int sessionNumber) {
        return schedules.rulesFor(organizationId).stream()
                .filter(rule -> rule.appliesTo(sessionNumber))
                .filter(rule -> available(organizationId, rule))
                .map(rule -> new QuestionnaireRef(rule.questionnaireId(), rule.version()))
                .toList();
    }

    /**
     * A version removed from the questionnaire directory after the schedule was saved is skipped rather than
     * failing the EHR's session call; the log tells the operator to restore the file or the admin to re-save.
     */
    private boolean available(UUID organizationId, ScheduleRuleView rule) {
        if (catalog.get(rule.questionnaireId(), rule.version()).isPresent()) {
            return true;
        }
        LOG.warnf("Organization %s schedules %s@%s, which is no longer in the catalog; not sent", organizationId,
                rule.questionnaireId(), rule.version());
        return false;
    }
}
