package io.rapport.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.questionnaire.QuestionnaireCatalog;

/** An organization's questionnaire schedule: the saved one, or the default until an admin saves one. */
@ApplicationScoped
public class ScheduleService {

    static final String DEFAULT_QUESTIONNAIRE = "session-rating-4";

    private final ScheduleRuleRepository rules;
    private final QuestionnaireCatalog catalog;
    private final EntityManager em;

    public ScheduleService(ScheduleRuleRepository rules, QuestionnaireCatalog catalog, EntityManager em) {
        this.rules = rules;
        this.catalog = catalog;
        this.em = em;
    }

    @Transactional
    public ScheduleView get(UUID organizationId) {
        List<ScheduleRule> saved = rules.forOrganization(organizationId);
        if (saved.isEmpty()) {
            return new ScheduleView(true, null, defaultRules());
        }
        return new ScheduleView(false, saved.get(0).updatedAt, saved.stream().map(ScheduleRuleView::of).toList());
    }

    @Transactional
    public ScheduleView put(UUID organizationId, ScheduleRequest request) {
        List<ScheduleRuleView> resolved = ScheduleValidator.validate(catalog, request);
        // Two admins saving at once would otherwise interleave their deletes and inserts.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .setParameter(1, "schedule:" + organizationId).getSingleResult();
        rules.deleteForOrganization(organizationId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < resolved.size(); i++) {
            ScheduleRuleView view = resolved.get(i);
            ScheduleRule rule = new ScheduleRule();
            rule.id = UUID.randomUUID();
            rule.organizationId = organizationId;
            rule.ruleIndex = i;
            rule.questionnaireId = view.questionnaireId();
            rule.questionnaireVersion = view.version();
            rule.sessions = view.sessions().stream().mapToInt(Integer::intValue).toArray();
            rule.repeatEvery = view.every();
            rule.startingAt = view.startingAt();
            rule.allowUnreleased = view.allowUnreleased();
            rule.updatedAt = now;
            rules.persist(rule);
        }
        return new ScheduleView(false, now, resolved);
    }

    /** The rules in force for the organization, in the order the admin gave them. */
    @Transactional
    public List<ScheduleRuleView> rulesFor(UUID organizationId) {
        return get(organizationId).rules();
    }

    /** The session rating after every session, in its latest released version at the time of asking. */
    private List<ScheduleRuleView> defaultRules() {
        return catalog.latestReleased(DEFAULT_QUESTIONNAIRE)
                .map(d -> List.of(new ScheduleRuleView(d.id(), d.version(), List.of(), 1, null, false)))
                .orElse(List.of());
    }
}
