package io.rapport.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Puts a resource method on the audit trail: an {@code allowed} row in the transaction of the work, a
 * {@code denied} row when the call ends in 401, 403 or 404. Every endpoint that reads or writes client data
 * carries it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Audited {

    /** Recorded as {@code create} on 201 and {@code update} otherwise. */
    String UPSERT = "upsert";

    /** read, create, update, submit, export, erase, send or {@link #UPSERT}. */
    @Nonbinding
    String action() default "read";

    /** client, therapist, pair, session, assignment, response, trend, alert or audit. */
    @Nonbinding
    String objectType() default "";

    /**
     * The path or query parameter naming the object; empty for lists. Without one, a 201's Location names it.
     */
    @Nonbinding
    String idParam() default "";

    /** A path or query parameter holding the EHR id of the client concerned, for lists filtered by client. */
    @Nonbinding
    String clientParam() default "";
}
