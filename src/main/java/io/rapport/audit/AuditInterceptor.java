package io.rapport.audit;

import java.lang.reflect.Method;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.security.Caller;

/**
 * Writes the {@code allowed} row of an {@link Audited} method in the same transaction as its work, joining the
 * service's transaction: if the row cannot be written the request fails and the work rolls back. Calls that end
 * in an error leave their row to {@link AuditDeniedFilter}.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    private final AuditLog log;
    private final Caller caller;

    public AuditInterceptor(AuditLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @AroundInvoke
    Object audit(InvocationContext ctx) throws Exception {
        Audited audited = annotation(ctx.getMethod());
        return QuarkusTransaction.joiningExisting().call(() -> {
            Object result = ctx.proceed();
            int status = result instanceof Response r ? r.getStatus() : 200;
            if (status < 400) {
                log.append(entry(ctx, audited, result, status));
            }
            return result;
        });
    }

    private AuditEntry entry(InvocationContext ctx, Audited audited, Object result, int status) {
        UUID organizationId = caller.organizationId();
        String objectId = argument(ctx, audited.idParam());
        if (objectId == null && audited.idParam().isEmpty() && result instanceof Response r
                && r.getLocation() != null) {
            String location = r.getLocation().getPath();
            objectId = location.substring(location.lastIndexOf('/') + 1);
        }
        UUID clientId = log.clientOf(organizationId, audited.objectType(), objectId);
        if (clientId == null && !audited.clientParam().isEmpty()) {
            clientId = log.clientOf(organizationId, "client", argument(ctx, audited.clientParam()));
        }
        String action = Audited.UPSERT.equals(audited.action()) ? (status == 201 ? "create" : "update")
                : audited.action();
        return new AuditEntry(organizationId, caller.principal(), action, AuditRoutes.of(ctx.getMethod()),
                audited.objectType(), objectId, clientId, AuditEntry.ALLOWED, status, requestId());
    }

    private static String argument(InvocationContext ctx, String name) {
        int index = AuditRoutes.parameterIndex(ctx.getMethod(), name);
        Object value = index < 0 ? null : ctx.getParameters()[index];
        return value == null ? null : value.toString();
    }

    static Audited annotation(Method method) {
        Audited onMethod = method.getAnnotation(Audited.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(Audited.class);
    }

    /** The request id of the current request, as the request-id filter put it in the log context. */
    public static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }
}
