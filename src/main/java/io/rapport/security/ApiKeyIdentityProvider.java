package io.rapport.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns an API key into an identity: its role, and the organization it belongs to. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {

    public static final String ORGANIZATION_ATTRIBUTE = "rapport.organization";
    /** Keys are at most this long; anything longer is rejected before hashing. */
    static final int MAX_KEY_LENGTH = 512;

    private final ApiKeyRepository keys;
    private final ApiKeyCache cache;

    public ApiKeyIdentityProvider(ApiKeyRepository keys, SecurityConfig config) {
        this.keys = keys;
        this.cache = new ApiKeyCache(config.apiKeyCacheTtl(), System::nanoTime);
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
        Optional<SecurityIdentity> cached = cache.get(hash);
        if (cached.isPresent()) {
            return Uni.createFrom().item(cached.get());
        }
        return context.runBlocking(() -> {
            ApiKey found = QuarkusTransaction.requiringNew()
                    .call(() -> keys.findActiveByHash(hash).orElse(null));
            if (found == null) {
                throw new AuthenticationFailedException();
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-key:" + found.id))
                    .addRole(found.role);
            if (found.organizationId != null) {
                identity.addAttribute(ORGANIZATION_ATTRIBUTE, found.organizationId);
            }
            if (found.scopes != null) {
                identity.addAttribute(Scopes.ATTRIBUTE, Scopes.parse(found.scopes));
            }
            SecurityIdentity built = identity.build();
            cache.put(hash, built);
            return built;
        });
    }
}
