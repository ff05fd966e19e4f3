package io.rapport.security.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.rapport.security.Roles;
import io.rapport.security.Scopes;
import io.rapport.security.Secrets;
import io.rapport.security.SecurityConfig;
import io.rapport.tenancy.Organization;

/** Issues API keys and makes sure the configured bootstrap and operator keys exist. */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    /** Short keys from configuration would be guessable. */
    static final int MIN_CONFIGURED_KEY_LENGTH = 16;

    private final ApiKeyRepository keys;
    private final SecurityConfig config;

    public ApiKeyService(ApiKeyRepository keys, SecurityConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Transactional
    void ensureConfiguredKeys(@Observes StartupEvent event) {
        config.bootstrapApiKey().filter(k -> !k.isBlank())
                .ifPresent(k -> ensure(k, Organization.DEFAULT_ID, Roles.ADMIN, "bootstrap admin key"));
        config.operatorApiKey().filter(k -> !k.isBlank())
                .ifPresent(k -> ensure(k, null, Roles.OPERATOR, "platform operator key"));
    }

    /** Creates a new random key and returns it; only its hash is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(UUID organizationId, String role, String name) {
        String key = "rpk_" + Secrets.newToken();
        store(Secrets.hash(key), organizationId, role, name);
        return key;
    }

    /** Like {@link #issue(UUID, String, String)}, limited to the given {@link Scopes}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(UUID organizationId, String role, String name, Set<String> scopes) {
        String key = "rpk_" + Secrets.newToken();
        store(Secrets.hash(key), organizationId, role, name).scopes = Scopes.format(scopes);
        return key;
    }

    private void ensure(String key, UUID organizationId, String role, String name) {
        if (key.length() < MIN_CONFIGURED_KEY_LENGTH) {
            throw new IllegalStateException("The " + name + " must be at least " + MIN_CONFIGURED_KEY_LENGTH
                    + " characters long");
        }
        String hash = Secrets.hash(key);
        ApiKey existing = keys.findByHash(hash).orElse(null);
        if (existing != null) {
            if (!role.equals(existing.role) || existing.revokedAt != null) {
                LOG.warnf("The configured %s matches a key with another role or a revoked key; it is not used",
                        name);
            }
            return;
        }
        store(hash, organizationId, role, name);
        LOG.infof("Created the %s", name);
    }

    private ApiKey store(String hash, UUID organizationId, String role, String name) {
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.organizationId = organizationId;
        apiKey.role = role;
        apiKey.name = name;
        apiKey.keyHash = hash;
        apiKey.createdAt = Instant.now();
        keys.persist(apiKey);
        return apiKey;
    }
}
