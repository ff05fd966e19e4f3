package io.rapport.care;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.delivery.DeliveryPolicy;
import io.rapport.delivery.FormTexts;
import io.rapport.tenancy.Organization;
import io.rapport.tenancy.OrganizationRepository;

/**
 * Reads and changes an organization's own settings. Until an admin saves them, the reminder delay and languages
 * shown are the deployment's defaults ({@link DeliveryPolicy}); saving stores all of them.
 */
@ApplicationScoped
public class OrganizationSettingsService {

    private final OrganizationRepository organizations;
    private final DeliveryPolicy policy;

    public OrganizationSettingsService(OrganizationRepository organizations, DeliveryPolicy policy) {
        this.organizations = organizations;
        this.policy = policy;
    }

    @Transactional
    public OrganizationSettings get(UUID organizationId) {
        Organization org = organizations.findByIdOptional(organizationId)
                .orElseThrow(() -> ApiException.notFound("Organization"));
        // A configured default in minutes shows as the next whole hour, the unit admins choose in.
        long minutes = policy.reminderDelay(organizationId).toMinutes();
        int delayHours = (int) Math.max(1, (minutes + 59) / 60);
        return new OrganizationSettings(org.name, org.linkTtlHours, delayHours, policy.languages(organizationId),
                org.candourLine, org.clientChart);
    }

    /**
     * Stores the settings, which bean validation has checked field by field.
     *
     * @throws ApiException 422 naming each field that breaks a rule between fields (see {@link #problems})
     */
    @Transactional
    public OrganizationSettings put(UUID organizationId, OrganizationSettings request) {
        Map<String, String> problems = problems(request);
        if (!problems.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            problems.forEach((field, message) -> errors.add(new FieldError(field, message)));
            throw new ApiException(422, "unprocessable", "Unprocessable Content", String.join("; ",
                    problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()), errors);
        }
        Organization org = organizations.findByIdOptional(organizationId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("Organization"));
        org.name = request.name().strip();
        org.linkTtlHours = request.linkTtlHours();
        org.reminderDelayHours = request.reminderDelayHours();
        org.formLanguages = String.join(",", FormTexts.normalize(request.languages()));
        if (request.candourLine() != null) {
            org.candourLine = request.candourLine();
        }
        if (request.clientChart() != null) {
            org.clientChart = request.clientChart();
        }
        return get(organizationId);
    }

    /**
     * What bean validation cannot see: the reminder must come before the link expires, and every language must
     * be one the form is translated into. Checks only fields that are present and valid on their own.
     */
    public static Map<String, String> problems(OrganizationSettings request) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (request.linkTtlHours() != null && request.reminderDelayHours() != null
                && request.reminderDelayHours() >= request.linkTtlHours()) {
            problems.put("reminderDelayHours", "must be shorter than the link lifetime (" + request.linkTtlHours()
                    + " hours), or the link expires before the reminder is sent");
        }
        if (request.languages() != null) {
            for (String language : request.languages()) {
                if (language != null && !FormTexts.LANGUAGES.contains(language)) {
                    problems.put("languages", "must be among " + String.join(", ", FormTexts.LANGUAGES)
                            + "; " + language + " is not offered");
                    break;
                }
            }
        }
        return problems;
    }
}
