package io.rapport.security.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.rapport.security.Scopes;
import io.rapport.security.Secrets;
import io.smallrye.mutiny.Uni;

/** Turns an API key into an identity: its role, and the organization it belongs to. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {

    /** Keys are at most this long; anything longer is rejected before hashing. */
    static final int MAX_KEY_LENGTH = 512;

    /**
     * Identities of recently found keys, by key hash ({@code quarkus.cache.caffeine.api-keys}: expires after
     * {@code rapport.security.api-key-cache-ttl}, bounded in size). Without it every API call spent a transaction and
     * a query on its key. Only found keys are kept, so a new key works at once and guessed keys take no room; a key
     * revoked in the database is refused once its entry expires.
     */
    public static final String CACHE = "api-keys";

    private final ApiKeyRepository keys;
    private final CaffeineCache cache;

    public ApiKeyIdentityProvider(ApiKeyRepository keys, @CacheName(CACHE) Cache cache) {
        this.keys = keys;
        this.cache = cache.as(CaffeineCache.class);
    }

    @Override
    public Class<ApiKeyCredential> getRequestType() {
        return ApiKeyCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyCredential request, AuthenticationRequestContext context) {
        String key = request.key();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String hash = Secrets.hash(key);
        CompletableFuture<SecurityIdentity> cached = cache.getIfPresent(hash);
        if (cached != null) {
            return Uni.createFrom().completionStage(cached);
        }
        return context.runBlocking(() -> {
            ApiKey found = QuarkusTransaction.requiringNew().call(() -> {
                ApiKey active = keys.findActiveByHash(hash).orElse(null);
                if (active != null) {
                    // Once per cache fill, so "last used" is accurate to the cache's time.
                    keys.touch(active.id, Instant.now().truncatedTo(ChronoUnit.MICROS));
                }
                return active;
            });
            if (found == null) {
                throw new AuthenticationFailedException();
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-key:" + found.id))
                    .addRole(found.role);
            if (found.organizationId != null) {
                identity.addAttribute(IdentityAttributes.ORGANIZATION, found.organizationId);
            }
            if (found.scopes != null) {
                identity.addAttribute(Scopes.ATTRIBUTE, Scopes.parse(found.scopes));
            }
            SecurityIdentity built = identity.build();
            cache.put(hash, CompletableFuture.completedFuture(built));
            return built;
        });
    }
}
