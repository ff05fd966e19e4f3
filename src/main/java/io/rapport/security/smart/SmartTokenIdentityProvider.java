package io.rapport.security.smart;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.rapport.security.IdentityAttributes;
import io.rapport.security.Roles;
import io.rapport.security.Scopes;
import io.rapport.security.Secrets;
import io.smallrye.mutiny.Uni;

/**
 * Turns an access token into an EHR identity of the client's organization, limited by the token's SMART scopes
 * ({@link Scopes#POLICY}). Tenant isolation and audit then work as for API keys: the same role, the same
 * organization attribute; the principal {@code smart-client:<client id>} names the client on the audit trail.
 * <p>
 * Tokens are opaque and stored hashed in PostgreSQL, not self-contained JWTs: every instance behind the database
 * accepts them without sharing a signing key, and disabling a client ends its tokens at once everywhere (within the
 * cache's few seconds).
 */
@ApplicationScoped
public class SmartTokenIdentityProvider implements IdentityProvider<SmartTokenCredential> {

    /** Identities of recently found tokens by token hash ({@code quarkus.cache.caffeine.smart-tokens}). */
    public static final String CACHE = "smart-tokens";
    static final int MAX_TOKEN_LENGTH = 128;
    public static final String PRINCIPAL_PREFIX = "smart-client:";

    /** A found identity and when its token ends, which no cache entry may outlive. */
    record Cached(SecurityIdentity identity, Instant expiresAt) {
    }

    private final SmartTokenStore tokens;
    private final CaffeineCache cache;

    public SmartTokenIdentityProvider(SmartTokenStore tokens, @CacheName(CACHE) Cache cache) {
        this.tokens = tokens;
        this.cache = cache.as(CaffeineCache.class);
    }

    @Override
    public Class<SmartTokenCredential> getRequestType() {
        return SmartTokenCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SmartTokenCredential request, AuthenticationRequestContext context) {
        String token = request.token();
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String hash = Secrets.hash(token);
        CompletableFuture<Cached> cached = cache.getIfPresent(hash);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()
                && cached.join().expiresAt().isAfter(Instant.now())) {
            return Uni.createFrom().item(cached.join().identity());
        }
        return context.runBlocking(() -> {
            SmartTokenStore.Found found = QuarkusTransaction.requiringNew()
                    .call(() -> tokens.findActive(hash, Instant.now()).orElse(null));
            if (found == null) {
                cache.invalidate(hash).await().indefinitely();
                throw new AuthenticationFailedException();
            }
            SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(PRINCIPAL_PREFIX + found.clientId()))
                    .addRole(Roles.EHR)
                    .addAttribute(IdentityAttributes.ORGANIZATION, found.organizationId())
                    .addAttribute(Scopes.POLICY, SmartScopes.policy(found.scopes()))
                    .build();
            cache.put(hash, CompletableFuture.completedFuture(new Cached(identity, found.expiresAt())));
            return identity;
        });
    }
}
