package io.rapport.security.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.rapport.security.SecurityConfig;

/**
 * The organizations' OpenID Connect providers: discovery (cached), the token request and ID-token verification.
 * Talks to each provider directly over HTTPS, so that a provider's sign-in ends in Rapport's own web session.
 */
/* Started eagerly so that a misconfigured provider stops the start instead of the first sign-in. */
@Startup
@ApplicationScoped
public class OidcProviders {

    /** Slugs are lower-case letters, digits and dashes; "callback" is the callback's own path segment. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Duration DISCOVERY_TTL = Duration.ofHours(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Discovery documents and token responses are a few kilobytes; more is refused unread. */
    private static final int MAX_BODY = 256 * 1024;
    private static final int CLOCK_SKEW_SECONDS = 60;
    private static final Map<Integer, String> ERROR_NAMES = errorNames();

    /** What discovery yielded for one organization, with the verifier of its ID tokens. */
    record Provider(String issuer, URI authorizationEndpoint, URI tokenEndpoint, boolean secretInBody,
            JwtConsumer idTokens, Instant fetchedAt) {
    }

    private final Map<String, SecurityConfig.Oidc> configs;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Provider> discovered = new ConcurrentHashMap<>();

    public OidcProviders(SecurityConfig security, ObjectMapper json) {
        this.configs = security.oidc();
        this.json = json;
        this.clock = Clock.systemUTC();
        configs.forEach(OidcProviders::validate);
    }

    boolean configured(String slug) {
        return slug != null && configs.containsKey(slug);
    }

    SecurityConfig.Oidc config(String slug) {
        return configs.get(slug);
    }

    /** The provider's endpoints, fetched from its discovery document at most once an hour. */
    Provider provider(String slug) throws OidcLoginException {
        Provider cached = discovered.get(slug);
        if (cached != null && cached.fetchedAt().plus(DISCOVERY_TTL).isAfter(clock.instant())) {
            return cached;
        }
        Provider fresh = discover(configs.get(slug));
        discovered.put(slug, fresh);
        return fresh;
    }

    /** Exchanges the authorization code for the provider's ID token. */
    String redeem(String slug, Provider provider, String code, String codeVerifier, String redirectUri)
            throws OidcLoginException {
        SecurityConfig.Oidc config = configs.get(slug);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.tokenEndpoint()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (config.clientSecret().isPresent() && !provider.secretInBody()) {
            // RFC 6749 2.3.1: both parts are form-encoded before they are joined.
            String basic = formEncode(config.clientId()) + ":" + formEncode(config.clientSecret().get());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", config.clientId());
            config.clientSecret().ifPresent(secret -> form.put("client_secret", secret));
        }
        String body = form.entrySet().stream().map(e -> formEncode(e.getKey()) + "=" + formEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        JsonNode answer = send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), "token endpoint");
        JsonNode idToken = answer.get("id_token");
        if (idToken == null || !idToken.isTextual()) {
            throw new OidcLoginException("the token response holds no id_token");
        }
        return idToken.asText();
    }

    /** Verifies the ID token (signature, algorithm, issuer, audience, expiry, nonce) and returns its claims. */
    JwtClaims verify(String slug, Provider provider, String idToken, String nonce) throws OidcLoginException {
        JwtClaims claims;
        try {
            claims = provider.idTokens().processToClaims(idToken);
        } catch (InvalidJwtException e) {
            // The exception's message quotes the token; only the error names are logged.
            String names = e.getErrorDetails().stream()
                    .map(d -> ERROR_NAMES.getOrDefault(d.getErrorCode(), String.valueOf(d.getErrorCode())))
                    .distinct().collect(Collectors.joining(","));
            throw new OidcLoginException("invalid ID token (" + (names.isEmpty() ? "unreadable" : names)
                    + ", alg " + algorithmOf(idToken) + ")");
        }
        String clientId = configs.get(slug).clientId();
        List<String> audiences;
        try {
            audiences = claims.getAudience();
        } catch (MalformedClaimException e) {
            throw new OidcLoginException("invalid ID token (malformed aud)");
        }
        Object azp = claims.getClaimValue("azp");
        // OpenID Connect Core 3.1.3.7: with several audiences the authorized party must be this client.
        if (azp != null ? !clientId.equals(azp) : audiences.size() > 1) {
            throw new OidcLoginException("invalid ID token (azp)");
        }
        if (!WebCookies.sameToken(nonce, String.valueOf(claims.getClaimValue("nonce")))) {
            throw new OidcLoginException("invalid ID token (nonce)");
        }
        return claims;
    }

    /** The header's algorithm, so that a provider signing with one outside the allowlist is easy to spot. */
    private String algorithmOf(String jws) {
        try {
            int dot = jws.indexOf('.');
            String alg = text(json.readTree(Base64.getUrlDecoder().decode(jws.substring(0, Math.max(dot, 0)))), "alg");
            return alg != null && alg.matches("[A-Za-z0-9+-]{1,16}") ? alg : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private Provider discover(SecurityConfig.Oidc config) throws OidcLoginException {
        String issuer = config.issuer();
        URI location = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        JsonNode doc = send(HttpRequest.newBuilder(location).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build(), "discovery");
        // OpenID Connect Discovery 4.3: the document must name exactly the issuer it was fetched for.
        if (!issuer.equals(text(doc, "issuer"))) {
            throw new OidcLoginException("the discovery document names another issuer");
        }
        URI authorization = endpoint(issuer, text(doc, "authorization_endpoint"));
        URI token = endpoint(issuer, text(doc, "token_endpoint"));
        URI jwks = endpoint(issuer, text(doc, "jwks_uri"));
        if (authorization == null || token == null || jwks == null) {
            throw new OidcLoginException("the discovery document lacks a usable endpoint");
        }
        JsonNode methods = doc.get("token_endpoint_auth_methods_supported");
        // Basic is the default when the provider names none (OpenID Connect Discovery 3).
        boolean secretInBody = methods != null && methods.isArray() && !contains(methods, "client_secret_basic")
                && contains(methods, "client_secret_post");
        Get get = new Get();
        get.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        get.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
        get.setRetries(1);
        get.setResponseBodySizeLimit(MAX_BODY);
        HttpsJwks keys = new HttpsJwks(jwks.toString());
        keys.setSimpleHttpGet(get);
        JwtConsumer idTokens = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(config.clientId())
                // RS256 and ES256 only: never none, and never a shared secret (HS*) that a public key could fake.
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(keys))
                .build();
        return new Provider(issuer, authorization, token, secretInBody, idTokens, clock.instant());
    }

    private JsonNode send(HttpRequest request, String what) throws OidcLoginException {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                if (response.statusCode() != 200) {
                    throw new OidcLoginException("the " + what + " answered " + response.statusCode()
                            + errorOf(body));
                }
                if (body.length > MAX_BODY) {
                    throw new OidcLoginException("the " + what + " answer is too large");
                }
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new OidcLoginException("the " + what + " answer is not a JSON object");
                }
                return node;
            }
        } catch (IOException e) {
            throw new OidcLoginException("the " + what + " could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcLoginException("interrupted while calling the " + what);
        }
    }

    /** The OAuth error code of a refusal, when it is a plain code (RFC 6749 5.2); never the description. */
    private String errorOf(byte[] body) {
        try {
            String error = text(json.readTree(body), "error");
            return error != null && OidcLoginService.ERROR_CODE.matcher(error).matches() ? " " + error : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    /** An endpoint is used only when it is https, or http on a loopback address like a test issuer. */
    private static URI endpoint(String issuer, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            return acceptable(uri) && (uri.getScheme().equals("https") || URI.create(issuer).getScheme().equals("http"))
                    ? uri
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
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
        } catch (IOException e) {
            return false;
        }
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
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
