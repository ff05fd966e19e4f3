package io.rapport.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

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

    /**
     * What {@link #put} would refuse, checked without writing anything, for pages, which show each problem next to
     * its field; named as in the API's 422 ({@code rules[1].sessions[0]}).
     */
    public List<FieldError> problems(ScheduleRequest request) {
        try {
            ScheduleValidator.validate(catalog, request);
            return List.of();
        } catch (ApiException e) {
            return e.errors();
        }
    }

    /**
     * The questionnaires a schedule may choose from: each one with a released version, in the order of the
     * organization's schedule first, then by id; and a scheduled one whose version is not released, with that
     * version.
     */
    @Transactional
    public List<ScheduleChoice> choices(UUID organizationId) {
        Map<String, ScheduleRuleView> scheduled = new LinkedHashMap<>();
        get(organizationId).rules().forEach(r -> scheduled.put(r.questionnaireId(), r));
        Map<String, List<QuestionnaireDefinition>> released = new TreeMap<>();
        catalog.all().stream().filter(d -> catalog.isReleased(d.id(), d.version()))
                .forEach(d -> released.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d));
        Set<String> ids = new LinkedHashSet<>(scheduled.keySet());
        ids.addAll(released.keySet());
        List<ScheduleChoice> choices = new ArrayList<>();
        for (String id : ids) {
            List<QuestionnaireDefinition> versions = released.getOrDefault(id, List.of());
            ScheduleRuleView rule = scheduled.get(id);
            String unreleased = rule != null && !catalog.isReleased(id, rule.version())
                    && catalog.get(id, rule.version()).isPresent() ? rule.version() : null;
            Optional<QuestionnaireDefinition> named = versions.isEmpty()
                    ? Optional.ofNullable(unreleased).flatMap(v -> catalog.get(id, v))
                    : Optional.of(versions.get(versions.size() - 1));
            if (named.isEmpty()) {
                // Scheduled, but no longer in the catalog: OrganizationSchedule skips it; the form cannot offer it.
                continue;
            }
            // The catalog lists versions oldest first.
            List<String> newestFirst = new ArrayList<>(versions.stream().map(QuestionnaireDefinition::version).toList());
            Collections.reverse(newestFirst);
            choices.add(new ScheduleChoice(id, named.get().title(), newestFirst, unreleased));
        }
        return choices;
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
