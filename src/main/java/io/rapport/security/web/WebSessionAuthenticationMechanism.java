package io.rapport.security.web;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.rapport.common.web.ApiPaths;
import io.rapport.security.apikey.ApiKeyAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the session cookie on page requests. API paths are left to {@link ApiKeyAuthenticationMechanism}, so a
 * browser's cookie never authorizes an API call (no cross-site request can use the API).
 */
@ApplicationScoped
public class WebSessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(WebCookies.SESSION);
        if (cookie == null || ApiPaths.isApi(context.normalizedPath())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identityProviderManager.authenticate(new WebSessionCredential(cookie.getValue()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.SEE_OTHER.code(),
                HttpHeaderNames.LOCATION, "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(WebSessionCredential.class);
    }
}
