package io.rapport.security.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.runtime.Startup;
import io.rapport.common.RapportConfig;
import io.rapport.security.SecurityConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * One quarkus-oidc tenant per organization with an identity provider, named by its slug: the tenant of
 * {@code /login/oidc/<slug>}, and at the shared callback the tenant whose state cookie came back. Only a sign-in
 * that {@link OidcLoginService} drives gets a tenant; every other request resolves to the disabled default tenant,
 * so quarkus-oidc stays out of the API and the pages.
 */
/* Started eagerly so that a misconfigured provider stops the start instead of the first sign-in. */
@Startup
@ApplicationScoped
public class OidcTenants implements TenantConfigResolver {

    /** Slugs are lower-case letters, digits and dashes; "callback" is the callback's own path segment. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final String START = "/login/oidc/";
    static final String CALLBACK = "/login/oidc/callback";
    /** How long the browser may spend at the provider: the state cookie's lifetime. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Allowed difference between our clock and the provider's for {@code iat} and {@code exp}. */
    private static final int CLOCK_SKEW_SECONDS = 60;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, SecurityConfig.Oidc> configs;
    private final Map<String, OidcTenantConfig> tenants = new LinkedHashMap<>();

    @Inject
    public OidcTenants(SecurityConfig security, RapportConfig rapport) {
        this(security, rapport.publicUrl());
    }

    OidcTenants(SecurityConfig security, String publicUrl) {
        this.configs = security.oidc();
        String redirectUri = publicUrl.replaceAll("/+$", "") + CALLBACK;
        SecureRandom random = new SecureRandom();
        configs.forEach((slug, config) -> {
            validate(slug, config);
            tenants.put(slug, tenant(slug, config, redirectUri, random));
        });
    }

    boolean configured(String slug) {
        return slug != null && tenants.containsKey(slug);
    }

    SecurityConfig.Oidc config(String slug) {
        return configs.get(slug);
    }

    OidcTenantConfig tenant(String slug) {
        return tenants.get(slug);
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String path = context.normalizedPath();
        if (context.get(OidcLoginService.SIGN_IN) == null || !path.startsWith(START)) {
            return null;
        }
        // At the callback quarkus-oidc has named the tenant from the state cookie it set at the start.
        String slug = path.equals(CALLBACK) ? context.get(OidcUtils.TENANT_ID_ATTRIBUTE)
                : path.substring(START.length());
        OidcTenantConfig tenant = slug == null ? null : tenants.get(slug);
        return tenant == null ? null : Uni.createFrom().item(tenant);
    }

    private static OidcTenantConfig tenant(String slug, SecurityConfig.Oidc config, String redirectUri,
            SecureRandom random) {
        List<String> scopes = config.scopes().stream().map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equals("openid")).distinct().toList();
        var builder = OidcTenantConfig.builder()
                .tenantId(slug)
                .applicationType(ApplicationType.WEB_APP)
                .authServerUrl(config.issuer())
                .clientId(config.clientId())
                .connectionRetryCount(1)
                .connectionTimeout(CONNECT_TIMEOUT)
                .authentication()
                .redirectPath(redirectUri)
                .pkceRequired()
                .nonceRequired()
                .scopes(scopes)
                .stateSecret(config.stateSecret().orElseGet(() -> randomKey(random)))
                .stateCookieAge(LIFETIME)
                .cookieForceSecure()
                .allowMultipleCodeFlows(true)
                // The callback itself answers, in one step, with Rapport's own session.
                .removeRedirectParameters(false)
                .restorePathAfterRedirect(false)
                .idTokenRequired(true)
                .userInfoRequired(false)
                .end()
                .token()
                .issuer(config.issuer())
                .subjectRequired()
                .issuedAtRequired(true)
                .lifespanGrace(CLOCK_SKEW_SECONDS)
                .end();
        if (config.clientSecret().isPresent()) {
            builder.credentials().clientSecret().value(config.clientSecret().get())
                    .method(config.clientAuthentication() == SecurityConfig.ClientAuthentication.POST
                            ? Secret.Method.POST
                            : Secret.Method.BASIC)
                    .end().end();
        }
        return builder.build();
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static void validate(String slug, SecurityConfig.Oidc config) {
        String prefix = "rapport.security.oidc.\"" + slug + "\"";
        if (!SLUG.matcher(slug).matches() || slug.equals("callback")) {
            throw new IllegalStateException(prefix + ": not an organization slug");
        }
        URI issuer;
        try {
            issuer = URI.create(config.issuer());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + ".issuer is not a URL");
        }
        if (!issuer.isAbsolute() || !acceptable(issuer) || issuer.getRawQuery() != null) {
            throw new IllegalStateException(prefix + ".issuer must be an https URL (http only on a loopback address)");
        }
        if (config.clientId().isBlank()) {
            throw new IllegalStateException(prefix + ".client-id is required");
        }
        if (config.usernameClaim().isBlank()) {
            throw new IllegalStateException(prefix + ".username-claim may not be empty");
        }
        Optional<String> stateSecret = config.stateSecret();
        if (stateSecret.isPresent() && stateSecret.get().length() < 32) {
            throw new IllegalStateException(prefix + ".state-secret must be at least 32 characters");
        }
    }

    private static boolean acceptable(URI uri) {
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return false;
        }
        return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback(uri.getHost());
    }

    private static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        // Only literal addresses: a name is never resolved here.
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
