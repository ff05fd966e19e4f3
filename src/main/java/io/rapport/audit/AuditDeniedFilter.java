package io.rapport.audit;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.rapport.common.web.RequestIdFilter;
import io.rapport.security.IdentityAttributes;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/**
 * Writes the {@code denied} row of an {@link Audited} call refused with 401 (for pages: the redirect to the login
 * page), 403 or 404 (another organization's object is a 404), in a transaction of its own because the refused
 * work rolled back.
 */
public class AuditDeniedFilter {

    private static final Set<Integer> DENIED = Set.of(401, 403, 404);

    private final AuditLog log;
    private final SecurityIdentity identity;

    public AuditDeniedFilter(AuditLog log, SecurityIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @ServerResponseFilter
    public Uni<Void> denied(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null : AuditInterceptor.annotation(method);
        // Pages answer a missing or ended session with a redirect to the login page instead of 401.
        boolean toLogin = response.getStatus() == 303 && response.getLocation() != null
                && "/login".equals(response.getLocation().getPath());
        if (audited == null || !DENIED.contains(response.getStatus()) && !toLogin) {
            return Uni.createFrom().voidItem();
        }
        // A refused credential leaves the identity anonymous: its row has no organization.
        boolean anonymous = response.getStatus() == 401 || toLogin || identity.isAnonymous();
        UUID organizationId = anonymous ? null : identity.getAttribute(IdentityAttributes.ORGANIZATION);
        String actor = anonymous ? "anonymous" : identity.getPrincipal().getName();
        String objectId = first(request, audited.idParam());
        AuditEntry entry = new AuditEntry(organizationId, actor, audited.action(), AuditRoutes.of(method),
                audited.objectType(), objectId, null, AuditEntry.DENIED, response.getStatus(),
                RequestIdFilter.requestId(request));
        Uni<Void> write = Uni.createFrom().item(() -> {
            QuarkusTransaction.requiringNew().run(() -> log.append(entry));
            return null;
        });
        return Context.isOnEventLoopThread() ? write.runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) : write;
    }

    private static String first(ContainerRequestContext request, String name) {
        if (name.isEmpty()) {
            return null;
        }
        String path = request.getUriInfo().getPathParameters().getFirst(name);
        return path != null ? path : request.getUriInfo().getQueryParameters().getFirst(name);
    }
}
