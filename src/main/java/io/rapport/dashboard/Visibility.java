package io.rapport.dashboard;

import java.util.UUID;

import io.quarkus.security.ForbiddenException;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/**
 * Which pairs a page may show: an admin sees the whole organization, a therapist only the pairs they treat
 * ({@code therapistId} set).
 */
public record Visibility(UUID organizationId, UUID therapistId) {

    public static Visibility of(Caller caller) {
        if (caller.hasRole(Roles.ADMIN)) {
            return new Visibility(caller.organizationId(), null);
        }
        return new Visibility(caller.organizationId(), caller.therapistId().orElseThrow(ForbiddenException::new));
    }

    public boolean wholeOrganization() {
        return therapistId == null;
    }
}
