package io.rapport.security.apikey;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rapport.common.error.ApiException;
import io.rapport.common.ratelimit.RateLimiter;
import io.rapport.common.web.ApiPaths;
import io.smallrye.mutiny.Uni;

/** Limits each API credential's request rate, answering 429 with Retry-After beyond it. */
@Singleton
public class ApiRateLimitFilter {

    private final CurrentIdentityAssociation identities;
    private final ApiRateLimits limiter;

    public ApiRateLimitFilter(CurrentIdentityAssociation identities, ApiRateLimits limiter) {
        this.identities = identities;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request) {
        if (!ApiPaths.isApi(request.getUriInfo().getPath())
                || request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().voidItem();
            }
            return limiter.acquire(identity.getPrincipal().getName())
                    .map(wait -> Uni.createFrom().<Void> failure(ApiException.tooManyRequests(
                            "This API key sent too many requests; retry after " + RateLimiter.seconds(wait) + " s",
                            RateLimiter.seconds(wait))))
                    .orElseGet(() -> Uni.createFrom().voidItem());
        });
    }
}
