package io.rapport.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * Checks a whole schedule against the catalog and resolves omitted versions, collecting every problem so an admin
 * can fix them in one round trip.
 */
final class ScheduleValidator {

    static final int MAX_RULES = 50;
    static final int MAX_SESSIONS_PER_RULE = 100;
    /** Far beyond any course of therapy; larger numbers are typing errors. */
    static final int MAX_SESSION_NUMBER = 1000;

    private final QuestionnaireCatalog catalog;
    private final List<FieldError> errors = new ArrayList<>();

    private ScheduleValidator(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /** @throws ApiException 422 listing every problem */
    static List<ScheduleRuleView> validate(QuestionnaireCatalog catalog, ScheduleRequest request) {
        return new ScheduleValidator(catalog).check(request);
    }

    private List<ScheduleRuleView> check(ScheduleRequest request) {
        List<ScheduleRuleView> resolved = new ArrayList<>();
        if (request.rules() == null) {
            error("rules", "is required");
        } else if (request.rules().isEmpty()) {
            error("rules", "must schedule at least one questionnaire");
        } else if (request.rules().size() > MAX_RULES) {
            error("rules", "may hold at most " + MAX_RULES + " rules");
        } else {
            Map<String, Integer> firstRuleOf = new HashMap<>();
            for (int i = 0; i < request.rules().size(); i++) {
                rule("rules[" + i + "]", i, request.rules().get(i), firstRuleOf).ifPresent(resolved::add);
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElseThrow();
            throw new ApiException(422, "invalid-schedule", "Unprocessable Content", detail, errors);
        }
        return resolved;
    }

    private Optional<ScheduleRuleView> rule(String at, int index, ScheduleRequest.Rule rule,
            Map<String, Integer> firstRuleOf) {
        if (rule == null) {
            error(at, "must be an object");
            return Optional.empty();
        }
        int before = errors.size();
        String version = version(at, rule);
        if (rule.questionnaireId() != null) {
            Integer first = firstRuleOf.putIfAbsent(rule.questionnaireId(), index);
            if (first != null) {
                error(at + ".questionnaireId", "is already scheduled by rules[" + first
                        + "]; list all its sessions in one rule");
            }
        }
        List<Integer> sessions = rule.sessions() == null ? List.of() : rule.sessions();
        if (sessions.size() > MAX_SESSIONS_PER_RULE) {
            error(at + ".sessions", "may list at most " + MAX_SESSIONS_PER_RULE + " session numbers");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < sessions.size(); k++) {
                Integer n = sessions.get(k);
                if (n == null) {
                    error(at + ".sessions[" + k + "]", "must be a session number");
                } else if (sessionNumber(at + ".sessions[" + k + "]", n) && !seen.add(n)) {
                    error(at + ".sessions[" + k + "]", "lists session " + n + " twice");
                }
            }
        }
        if (rule.every() != null) {
            sessionNumber(at + ".every", rule.every());
        }
        if (rule.startingAt() != null) {
            if (rule.every() == null) {
                error(at + ".startingAt", "only applies together with every");
            } else {
                sessionNumber(at + ".startingAt", rule.startingAt());
            }
        }
        if (sessions.isEmpty() && rule.every() == null) {
            error(at, "give sessions, every, or both; otherwise the questionnaire is never sent");
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ScheduleRuleView(rule.questionnaireId(), version, sessions.stream().sorted().toList(),
                rule.every(), rule.startingAt(), Boolean.TRUE.equals(rule.allowUnreleased())));
    }

    /** The concrete version the rule will send, or null after recording why there is none. */
    private String version(String at, ScheduleRequest.Rule rule) {
        String id = rule.questionnaireId();
        boolean allowUnreleased = Boolean.TRUE.equals(rule.allowUnreleased());
        if (id == null || id.isBlank()) {
            error(at + ".questionnaireId", "is required");
            return null;
        }
        if (catalog.latest(id).isEmpty()) {
            error(at + ".questionnaireId", "no questionnaire '" + id + "' in the catalog");
            return null;
        }
        if (rule.version() == null) {
            if (allowUnreleased) {
                error(at + ".allowUnreleased", "needs an explicit version: unreleased versions are never chosen"
                        + " automatically");
                return null;
            }
            Optional<QuestionnaireDefinition> latest = catalog.latestReleased(id);
            if (latest.isEmpty()) {
                error(at + ".version", "'" + id + "' has no released version; name one and set allowUnreleased");
                return null;
            }
            return latest.get().version();
        }
        if (catalog.get(id, rule.version()).isEmpty()) {
            error(at + ".version", "no version '" + rule.version() + "' of '" + id + "' in the catalog");
            return null;
        }
        if (!allowUnreleased && !catalog.isReleased(id, rule.version())) {
            error(at + ".version", id + "@" + rule.version() + " is not released; its scoring may still change."
                    + " Set allowUnreleased: true to send it anyway");
            return null;
        }
        return rule.version();
    }

    private boolean sessionNumber(String field, int n) {
        if (n < 1 || n > MAX_SESSION_NUMBER) {
            error(field, "must be between 1 and " + MAX_SESSION_NUMBER);
            return false;
        }
        return true;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
