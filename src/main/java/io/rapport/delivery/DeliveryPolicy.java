package io.rapport.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.tenancy.Organization;
import io.rapport.tenancy.OrganizationRepository;

/**
 * What an organization chose for reaching its clients (reminder delay, languages offered), with the deployment's
 * defaults for what it has not chosen: {@code rapport.delivery.reminder-delay} and every translated language.
 */
@ApplicationScoped
public class DeliveryPolicy {

    private final OrganizationRepository organizations;
    private final DeliveryConfig config;

    public DeliveryPolicy(OrganizationRepository organizations, DeliveryConfig config) {
        this.organizations = organizations;
        this.config = config;
    }

    /** How long after an assignment is issued its reminder is due. */
    @Transactional
    public Duration reminderDelay(UUID organizationId) {
        Organization org = organizations.findById(organizationId);
        return org == null || org.reminderDelayHours == null ? config.reminderDelay()
                : Duration.ofHours(org.reminderDelayHours);
    }

    /** The languages the organization's clients are offered, in the order of {@link FormTexts#LANGUAGES}. */
    @Transactional
    public List<String> languages(UUID organizationId) {
        Organization org = organizations.findById(organizationId);
        return org == null ? FormTexts.LANGUAGES : offered(org.formLanguages);
    }

    /** Whether the organization's form shows the line inviting honest low ratings (off by default). */
    @Transactional
    public boolean candourLine(UUID organizationId) {
        Organization org = organizations.findById(organizationId);
        return org != null && org.candourLine;
    }

    /** Whether the organization lets clients see their own past totals after answering (off by default). */
    @Transactional
    public boolean clientChart(UUID organizationId) {
        Organization org = organizations.findById(organizationId);
        return org != null && org.clientChart;
    }

    /** Stored codes as a list; a code no longer supported is dropped, and none left means every language. */
    public static List<String> offered(String stored) {
        if (stored == null || stored.isBlank()) {
            return FormTexts.LANGUAGES;
        }
        List<String> offered = FormTexts.normalize(Arrays.asList(stored.split(",")));
        return offered.isEmpty() ? FormTexts.LANGUAGES : offered;
    }
}
