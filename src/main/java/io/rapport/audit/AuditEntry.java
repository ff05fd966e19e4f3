package io.rapport.audit;

import java.util.UUID;

/** One row to append: ids only, never names, e-mails or answers. */
public record AuditEntry(UUID organizationId, String actor, String action, String route, String objectType,
        String objectId, UUID clientId, String outcome, Integer status, String requestId) {

    public static final String ALLOWED = "allowed";
    public static final String DENIED = "denied";
    /** The actor of everything done through a form link: the link's holder, whose token is never stored. */
    public static final String CLIENT_LINK = "client-link";
}
