package io.rapport.security.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.rapport.security.IdentityAttributes;
import io.rapport.security.SignedIn;
import io.smallrye.mutiny.Uni;

/** Turns a session cookie into an identity with the same organization attribute as an API key. */
@ApplicationScoped
public class WebSessionIdentityProvider implements IdentityProvider<WebSessionCredential> {

    /** Longer cookies were not issued by us; they are refused before hashing. */
    private static final int MAX_TOKEN_LENGTH = 128;

    private final WebSessionService sessions;

    public WebSessionIdentityProvider(WebSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<WebSessionCredential> getRequestType() {
        return WebSessionCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(WebSessionCredential request, AuthenticationRequestContext context) {
        String token = request.token();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            WebSessionService.Active active = sessions.touch(token)
                    .orElseThrow(AuthenticationFailedException::new);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("account:" + active.accountId()))
                    .addRole(active.role())
                    .addAttribute(IdentityAttributes.ORGANIZATION, active.organizationId())
                    .addAttribute(IdentityAttributes.SIGNED_IN, new SignedIn(active.accountId(), active.username(),
                            active.sessionId(), active.csrfToken()));
            if (active.therapistId() != null) {
                identity.addAttribute(IdentityAttributes.THERAPIST, active.therapistId());
            }
            return identity.build();
        });
    }
}
