package io.rapport.security.smart;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import io.quarkus.scheduler.Scheduled;
import io.rapport.common.web.Ids;
import io.rapport.security.Secrets;
import io.rapport.security.SecurityConfig;

/**
 * The client-credentials grant with a {@code private_key_jwt} assertion (SMART Backend Services, RFC 7523): the
 * assertion's {@code iss} and {@code sub} are the client id, {@code aud} the token endpoint, {@code exp} at most five
 * minutes ahead, its {@code jti} used once, its signature by a key of the client's JWKS.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    public static final String GRANT_TYPE = "client_credentials";
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public static final String TOKEN_PREFIX = "rsat_";
    /** SMART: an assertion expires no more than five minutes after it is made. */
    static final int MAX_ASSERTION_MINUTES = 5;
    /** Far above any real assertion; bounds the work spent on garbage. */
    static final int MAX_ASSERTION_LENGTH = 16_384;
    static final int MAX_JTI_LENGTH = 255;
    private static final Set<String> PARAMETERS = Set.of("grant_type", "scope", "client_assertion_type",
            "client_assertion", "client_id");
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    private final SmartClientRepository clients;
    private final SmartTokenStore tokens;
    private final ClientKeys keys;
    private final SmartClientService registry;
    private final SecurityConfig.Smart config;
    private final String[] algorithms;

    public TokenService(SmartClientRepository clients, SmartTokenStore tokens, ClientKeys keys,
            SmartClientService registry, SecurityConfig security) {
        this.clients = clients;
        this.tokens = tokens;
        this.keys = keys;
        this.registry = registry;
        this.config = security.smart();
        this.algorithms = algorithms(config.algorithms());
    }

    /** The accepted assertion algorithms, for the discovery document. */
    public List<String> algorithms() {
        return List.of(algorithms);
    }

    /** Issues an access token for a token request's form parameters, or throws {@link OAuthError}. */
    @Transactional
    public TokenResponse issue(Map<String, List<String>> form) {
        for (Map.Entry<String, List<String>> p : form.entrySet()) {
            if (PARAMETERS.contains(p.getKey()) && p.getValue().size() > 1) {
                throw OAuthError.invalidRequest(p.getKey() + " must be sent once");
            }
        }
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        if (!grantType.equals(GRANT_TYPE)) {
            throw OAuthError.unsupportedGrantType("only grant_type=client_credentials is supported");
        }
        String assertionType = single(form, "client_assertion_type");
        String assertion = single(form, "client_assertion");
        if (assertionType == null || assertion == null) {
            throw OAuthError.invalidRequest("client_assertion_type and client_assertion are required");
        }
        if (!assertionType.equals(ASSERTION_TYPE)) {
            throw OAuthError.invalidClient("client_assertion_type must be " + ASSERTION_TYPE);
        }
        String scope = single(form, "scope");
        if (scope == null || scope.isBlank()) {
            throw OAuthError.invalidRequest("scope is required");
        }
        if (assertion.length() > MAX_ASSERTION_LENGTH) {
            throw OAuthError.invalidClient("client_assertion is too long");
        }
        JwtContext unverified;
        String issuer;
        try {
            unverified = UNVERIFIED.process(assertion);
            issuer = unverified.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw OAuthError.invalidClient("client_assertion is not a JWT");
        }
        UUID clientId = Ids.tryParse(issuer)
                .orElseThrow(() -> OAuthError.invalidClient("iss must be the client_id of a registered client"));
        String formClientId = single(form, "client_id");
        if (formClientId != null && !formClientId.equals(issuer)) {
            throw OAuthError.invalidClient("client_id must equal the assertion's iss");
        }
        SmartClient client = clients.findEnabled(clientId)
                .orElseThrow(() -> OAuthError.invalidClient("no enabled client has this client_id"));
        JwtContext verified = verify(client, unverified);

        Set<String> granted = SmartScopes.grant(scope, client.scopes).orElseThrow(() -> OAuthError.invalidScope(
                "every scope must be one the client is registered for: " + client.scopes));
        String jti;
        Instant expires;
        try {
            jti = verified.getJwtClaims().getJwtId();
            expires = Instant.ofEpochSecond(verified.getJwtClaims().getExpirationTime().getValue());
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidClient("client_assertion has a malformed claim");
        }
        if (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw OAuthError.invalidClient("jti must have 1 to " + MAX_JTI_LENGTH + " characters");
        }
        // Kept until the assertion could no longer pass the expiry check, clock skew included.
        if (!tokens.useJti(client.organizationId, client.id, jti, expires.plus(config.clockSkew()))) {
            throw OAuthError.invalidClient("this jti was used before: make a new assertion for every request");
        }
        String token = TOKEN_PREFIX + Secrets.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Duration lifetime = config.accessTokenLifetime();
        String scopes = String.join(" ", granted);
        tokens.storeToken(Secrets.hash(token), client.organizationId, client.id, SmartScopes.format(granted), now,
                now.plus(lifetime));
        LOG.debugf("Issued an access token to SMART client %s", client.id);
        return new TokenResponse(token, "bearer", lifetime.toSeconds(), scopes);
    }

    private JwtContext verify(SmartClient client, JwtContext unverified) {
        try {
            consumer(client, keys.of(client, false)).processContext(unverified);
            return unverified;
        } catch (InvalidJwtException e) {
            if (ClientKeys.byUrl(client) && unresolvable(e)) {
                // The client may have rotated its keys since the JWKS was cached.
                try {
                    consumer(client, keys.of(client, true)).processContext(unverified);
                    return unverified;
                } catch (InvalidJwtException again) {
                    throw rejected(again);
                } catch (IOException io) {
                    throw OAuthError.invalidClient("the client's JWKS could not be read: " + io.getMessage());
                }
            }
            throw rejected(e);
        } catch (IOException e) {
            throw OAuthError.invalidClient("the client's JWKS could not be read: " + e.getMessage());
        }
    }

    private JwtConsumer consumer(SmartClient client, List<JsonWebKey> jwks) {
        String id = client.id.toString();
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(MAX_ASSERTION_MINUTES)
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setRequireJwtId()
                .setExpectedIssuer(id)
                .setExpectedSubject(id)
                .setExpectedAudience(registry.tokenEndpoint())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        algorithms))
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks))
                .build();
    }

    private static boolean unresolvable(InvalidJwtException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvableKeyException) {
                return true;
            }
        }
        return false;
    }

    private OAuthError rejected(InvalidJwtException e) {
        LOG.debugf("Client assertion rejected: %s", e.getMessage());
        String why;
        if (e.hasExpired()) {
            why = "the assertion has expired";
        } else if (e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
            why = "exp may lie at most " + MAX_ASSERTION_MINUTES + " minutes ahead";
        } else if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            why = "exp is required";
        } else if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            why = "aud must be " + registry.tokenEndpoint();
        } else if (e.hasErrorCode(ErrorCodes.SUBJECT_INVALID) || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)
                || e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
            why = "iss and sub must both be the client_id";
        } else if (e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
            why = "jti is required";
        } else if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            why = "the assertion is not valid yet (nbf)";
        } else if (unresolvable(e)) {
            why = "no key of the client's JWKS matches the assertion's kid and algorithm";
        } else {
            why = "the signature is not valid for a key of the client's JWKS, or the algorithm is not one of "
                    + String.join(", ", algorithms);
        }
        return OAuthError.invalidClient(why);
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Shared secrets (HS*) and unsigned assertions are refused: a public JWKS must never verify a MAC. */
    static String[] algorithms(Set<String> names) {
        return names.stream().map(n -> n.trim().toUpperCase(Locale.ROOT)).peek(n -> {
            if (!n.matches("(RS|PS|ES)(256|384|512)")) {
                throw new IllegalStateException("rapport.security.smart.algorithms may not contain " + n);
            }
        }).sorted().toArray(String[]::new);
    }

    @Scheduled(identity = "smart-token-purge", every = "${rapport.security.smart.purge-interval:10M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = tokens.purge(Instant.now());
        if (purged > 0) {
            LOG.debugf("Purged %d expired SMART tokens and assertion ids", purged);
        }
    }
}
