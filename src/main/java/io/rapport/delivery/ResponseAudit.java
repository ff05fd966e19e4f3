package io.rapport.delivery;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.rapport.audit.AuditEntry;
import io.rapport.audit.AuditInterceptor;
import io.rapport.audit.AuditLog;

/**
 * Records every stored response, from the JSON submission and the form pages alike, in the response's
 * transaction: a failed append rolls the response back. It observes after every other observer of the event, so
 * the audit lock is the last lock taken. Not a before-completion observer: the container swallows what those
 * throw and only marks the transaction for rollback, so a lost database connection surfaced as a 500 instead of
 * a 503 (seen in the database-outage fault test). A response the EHR posted through FHIR is the EHR's act, not the
 * link holder's: its row comes from the {@code @Audited} FHIR endpoint, in the same transaction, naming the EHR.
 */
@ApplicationScoped
public class ResponseAudit {

    private final AuditLog log;

    public ResponseAudit(AuditLog log) {
        this.log = log;
    }

    void recorded(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ResponseRecorded event) {
        if (event.channel() == StoredResponse.Channel.fhir) {
            return;
        }
        log.append(new AuditEntry(event.organizationId(), AuditEntry.CLIENT_LINK, "submit",
                "form link", "response", event.responseId().toString(),
                log.clientOf(event.organizationId(), "pair", event.pairId().toString()), AuditEntry.ALLOWED, 201,
                AuditInterceptor.requestId()));
    }
}
