package io.rapport.security.apikey;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.rapport.common.web.ApiPaths;
import io.rapport.security.SecurityConfig;
import io.rapport.security.jwt.JwtCredential;
import io.rapport.security.jwt.JwtIdentityProvider;
import io.rapport.security.smart.SmartScopes;
import io.rapport.security.smart.SmartTokenCredential;
import io.rapport.security.smart.SmartTokenIdentityProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <api key or JWT>} on API requests. A value shaped like a JWT goes to
 * {@link JwtIdentityProvider} when JWTs are enabled; a SMART access token ({@code rsat_...}) to
 * {@link SmartTokenIdentityProvider}, only where SMART tokens count ({@link SmartScopes#acceptsAccessTokens}: /fhir
 * and /cds-services, not /api/v1); anything else is looked up as an API key and fails as unknown.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";
    /** Three base64url parts; API keys ({@code rpk_...}) never contain a dot. */
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private final boolean jwtEnabled;

    public ApiKeyAuthenticationMechanism(SecurityConfig config) {
        this.jwtEnabled = config.jwt().enabled();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !ApiPaths.isApi(context.normalizedPath())) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : "";
        if (SmartTokenCredential.matches(key)) {
            return SmartScopes.acceptsAccessTokens(context.normalizedPath())
                    ? identityProviderManager.authenticate(new SmartTokenCredential(key))
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        if (jwtEnabled && JWT_SHAPE.matcher(key).matches()) {
            return identityProviderManager.authenticate(new JwtCredential(key));
        }
        return identityProviderManager.authenticate(new ApiKeyCredential(key));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"rapport\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyCredential.class, JwtCredential.class, SmartTokenCredential.class);
    }
}
