package io.rapport.security.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.rapport.security.SecurityConfig;
import io.rapport.tenancy.OrganizationRepository;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-in through an organization's OpenID Connect provider on quarkus-oidc (authorization code flow with PKCE,
 * state and nonce), ending in the same web session as a password login. quarkus-oidc builds the authorization
 * request, redeems the code and verifies the ID token; Rapport decides who that is and starts its own session.
 */
@ApplicationScoped
public class OidcLoginService {

    private static final Logger LOG = Logger.getLogger(OidcLoginService.class);
    /** Set on the request only while Rapport drives a sign-in; {@link OidcTenants} resolves no tenant without it. */
    static final String SIGN_IN = OidcLoginService.class.getName() + ".sign-in";
    /** An OAuth error code as RFC 6749 allows it; anything else is logged as "invalid". */
    static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** quarkus-oidc's state: a UUID. */
    private static final Pattern STATE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String STATE_COOKIE = OidcUtils.STATE_COOKIE_NAME + "_";
    private static final int MAX_CODE = 4096;
    /** Discovery, the token request and the key set each have their own 5 s connect timeout; this bounds all. */
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<Integer, String> ERROR_NAMES = errorNames();

    static final String CANCELLED = "Sign-in at your organization's identity provider was cancelled or refused.";
    static final String EXPIRED = "This sign-in has expired or was already used. Please start again.";
    static final String FAILED = "Sign-in through your organization's identity provider did not work."
            + " Please try again, or ask your organization's administrator.";
    static final String NO_ACCOUNT = "Your identity provider signed you in, but there is no active Rapport account"
            + " for you in this organization. Please ask your organization's administrator.";

    /** What a start or a callback led to. */
    public sealed interface Outcome {

        /** Off to the provider; quarkus-oidc has put the state cookie on the response. */
        record Redirect(URI location) implements Outcome {
        }

        record NotConfigured() implements Outcome {
        }

        record SignedIn(String sessionToken) implements Outcome {
        }

        /** {@code slug} names the organization to offer a new attempt for, when known. */
        record Refused(String message, String slug) implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    private final OidcTenants tenants;
    private final OidcAuthenticationMechanism oidc;
    private final IdentityProviderManager identities;
    private final OrganizationRepository organizations;
    private final SignIn signIn;
    private final LoginThrottle throttle;

    public OidcLoginService(OidcTenants tenants, OidcAuthenticationMechanism oidc, IdentityProviderManager identities,
            OrganizationRepository organizations, SignIn signIn, LoginThrottle throttle) {
        this.tenants = tenants;
        this.oidc = oidc;
        this.identities = identities;
        this.organizations = organizations;
        this.signIn = signIn;
        this.throttle = throttle;
    }

    public boolean configured(String slug) {
        return tenants.configured(slug);
    }

    /** Sends the browser to the organization's provider, or says that the organization has none. */
    public Outcome start(String slug, RoutingContext context) {
        if (!tenants.configured(slug)) {
            return new Outcome.NotConfigured();
        }
        if (organization(slug).isEmpty()) {
            LOG.warnf("An identity provider is configured for %s, but no organization has that slug", slug);
            return new Outcome.NotConfigured();
        }
        context.put(SIGN_IN, Boolean.TRUE);
        ChallengeData challenge;
        try {
            challenge = oidc.getChallenge(context).await().atMost(PROVIDER_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.infof("Could not send a sign-in to the identity provider of %s: %s", slug, reason(e));
            return new Outcome.Refused(FAILED, slug);
        }
        String location = challenge == null ? null : location(challenge);
        if (location == null) {
            LOG.infof("Could not send a sign-in to the identity provider of %s: no authorization request", slug);
            return new Outcome.Refused(FAILED, slug);
        }
        return new Outcome.Redirect(URI.create(location));
    }

    private static String location(ChallengeData challenge) {
        return challenge.getHeaders().entrySet().stream()
                .filter(h -> h.getKey().toString().equalsIgnoreCase("Location")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /**
     * Finishes a sign-in when the provider sends the browser back: quarkus-oidc checks the state cookie, redeems
     * the code with the PKCE verifier and verifies the ID token; then the existing, active account its username
     * claim names gets a web session. Every refusal is logged in one line without codes, tokens or claim values.
     */
    public Outcome finish(String address, String state, String code, String error, String issuer,
            RoutingContext context) {
        Optional<Duration> wait = throttle.retryAfter(address);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        String slug = pendingSlug(context, state);
        if (error != null) {
            // The person cancelled or the provider refused them: not an attack, so not counted.
            LOG.infof("The identity provider of %s answered a sign-in from %s with error=%s",
                    slug == null ? "an unknown organization" : slug, address,
                    ERROR_CODE.matcher(error).matches() ? error : "invalid");
            return new Outcome.Refused(CANCELLED, slug);
        }
        if (slug == null) {
            return refuse(address, null, "no sign-in with this state was started in this browser", EXPIRED);
        }
        OidcTenantConfig tenant = tenants.tenant(slug);
        Optional<UUID> organizationId = organization(slug);
        if (organizationId.isEmpty()) {
            return refuse(address, slug, "no organization has this slug any more", FAILED);
        }
        SecurityConfig.Oidc config = tenants.config(slug);
        // RFC 9207: a provider that names itself must be the one this sign-in went to.
        if (issuer != null && !issuer.equals(config.issuer())) {
            return refuse(address, slug, "the response names another issuer", FAILED);
        }
        if (code == null || code.isEmpty() || code.length() > MAX_CODE) {
            return refuse(address, slug, "no authorization code", FAILED);
        }
        context.put(SIGN_IN, Boolean.TRUE);
        // Named here, so that another organization's state cookie in the same browser is never the one used.
        context.put(OidcUtils.TENANT_ID_ATTRIBUTE, slug);
        SecurityIdentity identity;
        try {
            identity = oidc.authenticate(context, identities).await().atMost(PROVIDER_TIMEOUT);
        } catch (RuntimeException e) {
            return refuse(address, slug, reason(e), FAILED);
        } finally {
            // Rapport keeps its own session; quarkus-oidc's session cookie, if it set one, is cleared at once.
            removeOidcSession(context, tenant);
        }
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return refuse(address, slug, "the identity provider's answer did not sign anyone in", FAILED);
        }
        // OpenID Connect Core 3.1.3.7: with several audiences the authorized party must be this client.
        String azp = text(idToken.getClaim("azp"));
        Set<String> audiences = idToken.getAudience() == null ? Set.of() : idToken.getAudience();
        if (azp != null ? !config.clientId().equals(azp) : audiences.size() > 1) {
            return refuse(address, slug, "invalid ID token (azp)", FAILED);
        }
        String username = username(idToken, config.usernameClaim());
        if (username == null) {
            return refuse(address, slug, "the ID token has no usable " + config.usernameClaim() + " claim",
                    NO_ACCOUNT);
        }
        Optional<String> session = signIn.loginVouchedFor(organizationId.get(), username);
        if (session.isEmpty()) {
            return refuse(address, slug, "no active account of the organization has the claimed username",
                    NO_ACCOUNT);
        }
        return new Outcome.SignedIn(session.get());
    }

    /** The names of this browser's state cookies for {@code state}, to clear after a refusal. */
    List<String> stateCookies(RoutingContext context, String state) {
        return context.request().cookieMap().keySet().stream()
                .filter(name -> name.startsWith(STATE_COOKIE) && state != null && name.endsWith("_" + state))
                .toList();
    }

    /**
     * The organization whose sign-in with {@code state} this browser started: its state cookie is named
     * {@code q_auth_<slug>_<state>} and its value starts with the state. Slugs have no underscore.
     */
    private String pendingSlug(RoutingContext context, String state) {
        if (state == null || !STATE.matcher(state).matches()) {
            return null;
        }
        for (String name : stateCookies(context, state)) {
            String slug = name.substring(STATE_COOKIE.length(), name.length() - state.length() - 1);
            Cookie cookie = context.request().getCookie(name);
            String value = cookie == null ? "" : cookie.getValue();
            if (tenants.configured(slug) && (value.equals(state) || value.startsWith(state + "|"))) {
                return slug;
            }
        }
        return null;
    }

    private Optional<UUID> organization(String slug) {
        return Optional.ofNullable(QuarkusTransaction.requiringNew()
                .call(() -> organizations.bySlug(slug).map(o -> o.id).orElse(null)));
    }

    private static void removeOidcSession(RoutingContext context, OidcTenantConfig tenant) {
        for (String name : List.copyOf(context.cookieMap().keySet())) {
            if (name.startsWith(OidcUtils.SESSION_COOKIE_NAME)) {
                OidcUtils.removeCookie(context, tenant, name);
            }
        }
    }

    private Outcome refuse(String address, String slug, String reason, String message) {
        throttle.recordFailure(address);
        LOG.infof("Refused an identity-provider sign-in for %s from %s: %s",
                slug == null ? "an unknown organization" : slug, address, reason);
        return new Outcome.Refused(message, slug);
    }

    /**
     * Why quarkus-oidc refused, without quoting the token: jose4j's messages include the claims, so only its
     * error names are used; other failures by their type.
     */
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid) {
                String names = invalid.getErrorDetails().stream()
                        .map(d -> ERROR_NAMES.getOrDefault(d.getErrorCode(), String.valueOf(d.getErrorCode())))
                        .distinct().collect(Collectors.joining(","));
                return "invalid ID token (" + (names.isEmpty() ? "unreadable" : names) + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "the identity provider's answer was refused (" + failure.getClass().getSimpleName()
                + (root == failure ? "" : ", " + root.getClass().getSimpleName()) + ")";
    }

    /** The claimed username; an e-mail address the provider says is unverified is not accepted. */
    private static String username(JsonWebToken idToken, String claim) {
        String name = text(idToken.getClaim(claim));
        if (name == null || name.isBlank()) {
            return null;
        }
        Object verified = idToken.getClaim("email_verified");
        if ("email".equals(claim) && (Boolean.FALSE.equals(verified) || JsonValue.FALSE.equals(verified)
                || "false".equals(text(verified)))) {
            return null;
        }
        return name;
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String s ? s : null;
    }

    /** jose4j's error codes by name, for log lines that say why a token was refused without quoting it. */
    private static Map<Integer, String> errorNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : ErrorCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName().toLowerCase(Locale.ROOT));
                } catch (IllegalAccessException e) {
                    // A constant that cannot be read is shown by its number.
                }
            }
        }
        return Map.copyOf(names);
    }
}
