package io.rapport.security;

import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rapport.common.web.ApiPaths;
import io.smallrye.mutiny.Uni;

/**
 * Enforces {@link Scopes} by HTTP method, in one place, so every endpoint (also a future one) is covered: reads need
 * {@code read}, everything else {@code write} unless the method is marked {@link ReadScope}.
 */
@Singleton
public class ApiScopeFilter {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final CurrentIdentityAssociation identities;

    public ApiScopeFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> check(ContainerRequestContext request, ResourceInfo resource) {
        if (!ApiPaths.isApi(request.getUriInfo().getPath())
                || request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            Scopes.Policy policy = identity.getAttribute(Scopes.POLICY);
            Set<String> granted = identity.getAttribute(Scopes.ATTRIBUTE);
            if (policy == null && granted == null) {
                return Uni.createFrom().voidItem();
            }
            boolean reads = SAFE_METHODS.contains(request.getMethod())
                    || resource.getResourceMethod() != null
                            && resource.getResourceMethod().isAnnotationPresent(ReadScope.class);
            if (policy != null) {
                return policy.allows(request.getUriInfo().getPath(), reads) ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new ForbiddenException());
            }
            String needed = reads ? Scopes.READ : Scopes.WRITE;
            return granted.contains(needed) ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new ForbiddenException());
        });
    }
}
