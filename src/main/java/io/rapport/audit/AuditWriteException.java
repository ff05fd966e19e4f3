package io.rapport.audit;

/** The audit row could not be written; the request fails and its work rolls back. */
public class AuditWriteException extends RuntimeException {

    public AuditWriteException(Throwable cause) {
        super("Could not append to the audit trail", cause);
    }
}
