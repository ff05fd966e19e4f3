package io.rapport.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.rapport.delivery.ResponseRecorded;

/**
 * Records every stored response, from the JSON submission and the form pages alike. It runs just before the
 * response's transaction commits, so the audit lock is always the last lock taken and a failed append rolls
 * the response back.
 */
@ApplicationScoped
public class ResponseAudit {

    private final AuditLog log;

    public ResponseAudit(AuditLog log) {
        this.log = log;
    }

    void recorded(@Observes(during = TransactionPhase.BEFORE_COMPLETION) ResponseRecorded event) {
        log.append(new AuditEntry(event.organizationId(), AuditEntry.CLIENT_LINK, "submit",
                "form link", "response", event.responseId().toString(),
                log.clientOf(event.organizationId(), "pair", event.pairId().toString()), AuditEntry.ALLOWED, 201,
                AuditInterceptor.requestId()));
    }
}
