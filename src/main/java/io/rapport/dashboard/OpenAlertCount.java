package io.rapport.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.rapport.security.Caller;
import io.rapport.security.Roles;

/**
 * The number of open alerts the signed-in caller may see, for the navigation of every page
 * ({@code inject:openAlerts.count} in the layout). Counted once per request, when the layout asks.
 */
@Named("openAlerts")
@RequestScoped
public class OpenAlertCount {

    private final Caller caller;
    private final AlertInboxService inbox;
    private Long count;

    public OpenAlertCount(Caller caller, AlertInboxService inbox) {
        this.caller = caller;
        this.inbox = inbox;
    }

    public long count() {
        if (count == null) {
            boolean mayCount = caller.signedIn().isPresent()
                    && (caller.hasRole(Roles.ADMIN) || caller.therapistId().isPresent());
            count = mayCount ? inbox.openCount(Visibility.of(caller)) : 0L;
        }
        return count;
    }
}
