package io.rapport.security.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.rapport.common.error.ApiException;
import io.rapport.common.web.Page;
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

    /** The longest rotation grace an admin may ask for. */
    static final Duration MAX_GRACE = Duration.ofDays(30);
    /** Keys may be issued for at most this long. */
    static final Duration MAX_LIFETIME = Duration.ofDays(5 * 366);
    private static final int PREFIX_LENGTH = 12;

    /** Issues a key for the organization; the key is in the result and nowhere else. */
    @Transactional
    public IssuedApiKey issue(UUID organizationId, ApiKeyRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<String> problem = expiresAtProblem(request.expiresAt(), now);
        if (problem.isPresent()) {
            throw ApiException.unprocessable("expiresAt", problem.get());
        }
        String key = "rpk_" + Secrets.newToken();
        ApiKey stored = store(Secrets.hash(key), organizationId, request.role(), request.name().trim());
        stored.scopes = Scopes.format(Set.copyOf(request.scopes()));
        stored.prefix = key.substring(0, PREFIX_LENGTH);
        stored.expiresAt = request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        return new IssuedApiKey(key, ApiKeyView.of(stored, now));
    }

    /** What is wrong with a key's chosen end, if anything; the pages check it before issuing too. */
    public static Optional<String> expiresAtProblem(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return Optional.of("must lie in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            return Optional.of("must lie within 5 years");
        }
        return Optional.empty();
    }

    /** Whether the organization has this key, revoked or not. */
    @Transactional
    public boolean exists(UUID organizationId, UUID keyId) {
        return keys.findInOrganization(organizationId, keyId).isPresent();
    }

    @Transactional
    public Page<ApiKeyView> list(UUID organizationId, Page.Request paging) {
        Instant now = Instant.now();
        List<ApiKeyView> items = keys.page(organizationId, paging.page(), paging.size()).stream()
                .map(k -> ApiKeyView.of(k, now)).toList();
        return new Page<>(items, paging.page(), paging.size(), keys.countInOrganization(organizationId));
    }

    /**
     * Revokes the key at once, ending a rotation's grace period too; revoking again changes nothing. The key making
     * the call is revoked only when {@code confirmed}: otherwise the caller would lock itself out by mistake.
     */
    @Transactional
    public ApiKeyView revoke(UUID organizationId, UUID keyId, Optional<UUID> callerKeyId, boolean confirmed) {
        ApiKey key = keys.lockInOrganization(organizationId, keyId).orElseThrow(() -> ApiException.notFound("API key"));
        if (callerKeyId.filter(keyId::equals).isPresent() && !confirmed) {
            throw ApiException.conflict("confirm-required", "confirm",
                    "this is the key making the call; repeat with confirm=true to revoke it");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (key.revokedAt == null || key.revokedAt.isAfter(now)) {
            key.revokedAt = now;
        }
        LOG.infof("Revoked API key %s", keyId);
        return ApiKeyView.of(key, now);
    }

    /**
     * Issues a new key with the same name, role, scopes and end, and lets the old one work for {@code grace} more;
     * a key already revoked, expired or rotated cannot be rotated.
     */
    @Transactional
    public IssuedApiKey rotate(UUID organizationId, UUID keyId, Duration grace) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw ApiException.unprocessable("graceSeconds", "must be from 0 to " + MAX_GRACE.toSeconds());
        }
        ApiKey old = keys.lockInOrganization(organizationId, keyId).orElseThrow(() -> ApiException.notFound("API key"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Every revocation and every rotation sets revokedAt, so a key without it was neither.
        if (old.revokedAt != null || !old.usableAt(now)) {
            throw ApiException.conflict("not-rotatable", "keyId", "is revoked, expired or already rotated");
        }
        String key = "rpk_" + Secrets.newToken();
        ApiKey fresh = store(Secrets.hash(key), organizationId, old.role, old.name);
        fresh.scopes = old.scopes;
        fresh.prefix = key.substring(0, PREFIX_LENGTH);
        fresh.expiresAt = old.expiresAt;
        old.revokedAt = now.plus(grace);
        old.replacedBy = fresh.id;
        LOG.infof("Rotated API key %s to %s; the old key works until %s", keyId, fresh.id, old.revokedAt);
        return new IssuedApiKey(key, ApiKeyView.of(fresh, now));
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
