package io.rapport.security.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.common.RapportConfig;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.security.Secrets;
import io.rapport.security.SecurityConfig;
import io.rapport.security.SignedIn;
import io.rapport.tenancy.OrganizationRepository;

/**
 * Sign-in through an organization's OpenID Connect provider (authorization code flow with PKCE, state and nonce),
 * ending in the same web session as a password login. No step holds a transaction while a provider is called.
 */
@ApplicationScoped
public class OidcLoginService {

    private static final Logger LOG = Logger.getLogger(OidcLoginService.class);
    /** How long the browser may spend at the provider before the state is refused. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** An OAuth error code as RFC 6749 allows it; anything else is logged as "invalid". */
    static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_CODE = 4096;

    static final String CANCELLED = "Sign-in at your organization's identity provider was cancelled or refused.";
    static final String EXPIRED = "This sign-in has expired or was already used. Please start again.";
    static final String FAILED = "Sign-in through your organization's identity provider did not work."
            + " Please try again, or ask your organization's administrator.";
    static final String NO_ACCOUNT = "Your identity provider signed you in, but there is no active Rapport account"
            + " for you in this organization. Please ask your organization's administrator.";

    /** Where to send the browser, and the value of the cookie that binds the sign-in to it. */
    public record Redirect(URI location, String browserToken) {
    }

    /** What a callback led to. */
    public sealed interface Outcome {

        record SignedIn(String sessionToken) implements Outcome {
        }

        /** {@code slug} names the organization to offer a new attempt for, when known. */
        record Refused(String message, String slug) implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    private record Pending(UUID organizationId, String slug, String browserHash, String nonce, String codeVerifier,
            boolean live) {
    }

    private final OidcProviders providers;
    private final OrganizationRepository organizations;
    private final SignIn signIn;
    private final LoginThrottle throttle;
    private final EntityManager em;
    private final String redirectUri;

    public OidcLoginService(OidcProviders providers, OrganizationRepository organizations, SignIn signIn,
            LoginThrottle throttle, EntityManager em, RapportConfig rapport) {
        this.providers = providers;
        this.organizations = organizations;
        this.signIn = signIn;
        this.throttle = throttle;
        this.em = em;
        this.redirectUri = rapport.publicUrl().replaceAll("/+$", "") + "/login/oidc/callback";
    }

    public boolean configured(String slug) {
        return providers.configured(slug);
    }

    /**
     * Records a new sign-in and returns the provider's authorization URL; empty when the organization has no
     * provider. The browser keeps its binding cookie if it has one, so sign-ins in two tabs both work.
     */
    public Optional<Redirect> start(String slug, String browserToken) throws OidcLoginException {
        if (!providers.configured(slug)) {
            return Optional.empty();
        }
        UUID organizationId = QuarkusTransaction.requiringNew()
                .call(() -> organizations.bySlug(slug).map(o -> o.id).orElse(null));
        if (organizationId == null) {
            LOG.warnf("An identity provider is configured for %s, but no organization has that slug", slug);
            return Optional.empty();
        }
        OidcProviders.Provider provider = providers.provider(slug);
        SecurityConfig.Oidc config = providers.config(slug);
        String browser = browserToken != null && TOKEN.matcher(browserToken).matches() ? browserToken
                : Secrets.newToken();
        String state = Secrets.newToken();
        String nonce = Secrets.newToken();
        String verifier = Secrets.newToken();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            OidcLogin login = new OidcLogin();
            login.stateHash = Secrets.hash(state);
            login.browserHash = Secrets.hash(browser);
            login.organizationId = organizationId;
            login.nonce = nonce;
            login.codeVerifier = verifier;
            login.createdAt = now;
            login.expiresAt = now.plus(LIFETIME);
            em.persist(login);
        });
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", Stream.concat(Stream.of("openid"), config.scopes().stream().map(String::trim))
                .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(" ")));
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String endpoint = provider.authorizationEndpoint().toString();
        String location = endpoint + (provider.authorizationEndpoint().getRawQuery() == null ? "?" : "&")
                + query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return Optional.of(new Redirect(URI.create(location), browser));
    }

    /**
     * Finishes a sign-in when the provider sends the browser back: spends the state, redeems the code, verifies the
     * ID token and starts a web session for the existing, active account its username claim names. Every refusal
     * is logged in one line without codes, tokens or claim values.
     */
    public Outcome finish(String address, String state, String code, String error, String issuer,
            String browserToken) {
        Optional<Duration> wait = throttle.retryAfter(address);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        Pending pending = state != null && TOKEN.matcher(state).matches()
                ? QuarkusTransaction.requiringNew().call(() -> consume(Secrets.hash(state)))
                : null;
        String slug = pending == null ? null : pending.slug();
        if (error != null) {
            // The person cancelled or the provider refused them: not an attack, so not counted.
            LOG.infof("The identity provider of %s answered a sign-in from %s with error=%s",
                    slug == null ? "an unknown organization" : slug, address,
                    ERROR_CODE.matcher(error).matches() ? error : "invalid");
            return new Outcome.Refused(CANCELLED, slug);
        }
        if (pending == null) {
            return refuse(address, null, "unknown, malformed or already used state", EXPIRED);
        }
        if (browserToken == null || !WebCookies.sameToken(pending.browserHash(), Secrets.hash(browserToken))) {
            return refuse(address, slug, "state started in another browser", EXPIRED);
        }
        if (!pending.live()) {
            return refuse(address, slug, "expired state", EXPIRED);
        }
        if (!providers.configured(slug)) {
            return refuse(address, slug, "the identity provider is no longer configured", FAILED);
        }
        SecurityConfig.Oidc config = providers.config(slug);
        // RFC 9207: a provider that names itself must be the one this sign-in went to.
        if (issuer != null && !issuer.equals(config.issuer())) {
            return refuse(address, slug, "the response names another issuer", FAILED);
        }
        if (code == null || code.isEmpty() || code.length() > MAX_CODE) {
            return refuse(address, slug, "no authorization code", FAILED);
        }
        String username;
        try {
            OidcProviders.Provider provider = providers.provider(slug);
            String idToken = providers.redeem(slug, provider, code, pending.codeVerifier(), redirectUri);
            JwtClaims claims = providers.verify(slug, provider, idToken, pending.nonce());
            username = username(claims, config.usernameClaim());
        } catch (OidcLoginException e) {
            return refuse(address, slug, e.getMessage(), FAILED);
        }
        if (username == null) {
            return refuse(address, slug, "the ID token has no usable " + config.usernameClaim() + " claim",
                    NO_ACCOUNT);
        }
        Optional<String> session = signIn.loginVouchedFor(pending.organizationId(), username);
        if (session.isEmpty()) {
            return refuse(address, slug, "no active account of the organization has the claimed username",
                    NO_ACCOUNT);
        }
        return new Outcome.SignedIn(session.get());
    }

    /** Sign-ins nobody came back from. */
    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void purge() {
        em.createQuery("delete from OidcLogin where expiresAt <= ?1").setParameter(1, Instant.now())
                .executeUpdate();
    }

    /** Deletes the sign-in in the same statement that reads it, so that a state works once however often it comes. */
    private Pending consume(String stateHash) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("delete from oidc_login where state_hash = :state"
                + " returning organization_id, browser_hash, nonce, code_verifier, expires_at > now() as live",
                Tuple.class).setParameter("state", stateHash));
        if (rows.isEmpty()) {
            return null;
        }
        Tuple r = rows.get(0);
        UUID organizationId = r.get("organization_id", UUID.class);
        // The organization owns its slug; a deleted organization leaves no sign-in to finish.
        return organizations.findByIdOptional(organizationId).map(o -> new Pending(organizationId, o.slug,
                r.get("browser_hash", String.class), r.get("nonce", String.class),
                r.get("code_verifier", String.class), Boolean.TRUE.equals(r.get("live")))).orElse(null);
    }

    private Outcome refuse(String address, String slug, String reason, String message) {
        throttle.recordFailure(address);
        LOG.infof("Refused an identity-provider sign-in for %s from %s: %s",
                slug == null ? "an unknown organization" : slug, address, reason);
        return new Outcome.Refused(message, slug);
    }

    /** The claimed username; an e-mail address the provider says is unverified is not accepted. */
    private static String username(JwtClaims claims, String claim) {
        Object value = claims.getClaimValue(claim);
        if (!(value instanceof String name) || name.isBlank()) {
            return null;
        }
        Object verified = claims.getClaimValue("email_verified");
        if ("email".equals(claim) && (Boolean.FALSE.equals(verified) || "false".equals(verified))) {
            return null;
        }
        return name;
    }

    /** PKCE S256 (RFC 7636 4.2). */
    private static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
