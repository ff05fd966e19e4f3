package io.rapport.schedule;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class ScheduleRuleRepository implements OrganizationScoped<ScheduleRule> {

    public List<ScheduleRule> forOrganization(UUID organizationId) {
        return list("organizationId", Sort.by("ruleIndex"), organizationId);
    }

    /** A bulk delete, run at once, so that re-inserted rules do not collide with the old ones' unique keys. */
    public void deleteForOrganization(UUID organizationId) {
        delete("organizationId", organizationId);
    }
}
