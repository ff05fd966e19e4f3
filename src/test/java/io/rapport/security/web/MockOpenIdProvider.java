package io.rapport.security.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.security.jwt.JwtTestKey;

/**
 * An OpenID provider in the test JVM, on a loopback port, for the whole test run: discovery, JWKS and a token
 * endpoint for two organizations, one authenticating the client with HTTP Basic, the other with the secret in
 * the body, and a third organization whose provider serves nothing. It has no authorize endpoint: a test plays the provider's
 * login page and hands the callback a code
 * of the form {@code <code_challenge>~<id token>}, which the token endpoint checks against the PKCE verifier and
 * answers once. Tokens are signed by the tests with {@link JwtTestKey}, whose public half the JWKS serves.
 */
@QuarkusTestResource(MockOpenIdProvider.class)
public class MockOpenIdProvider implements QuarkusTestResourceLifecycleManager {

    /** Signs in with HTTP Basic client authentication and {@code preferred_username}. */
    static final String SLUG = "oidc-clinic";
    /** Signs in with the secret in the token request's body and the {@code email} claim. */
    static final String POST_SLUG = "oidc-clinic-post";
    /** Points at a path where no discovery document is served. */
    static final String DOWN_SLUG = "oidc-clinic-down";
    static final String CLIENT_ID = "rapport-test";
    static final String POST_CLIENT_ID = "rapport-post";
    static final String CLIENT_SECRET = "OIDC-client-secret+never/logged";
    static final String KID = "test-key-1";
    /** A P-256 key for ES256 tokens, served next to the RSA key; it exists only for tests. */
    static final String EC_KID = "test-ec-1";
    private static final String EC_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAElGOfmSvNMA56SucHRIQhECDFvXmGN9JByH7RAq6rugKzgCziKlYpzRYnwSUM5NHtT400JRTRUeUKwBXASBzXcA==";
    private static final String EC_PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQga3ezGfZNTsaAk/IcF+NN1prGmKanPEwCV4P2gLW/zW+hRANCAASUY5+ZK80wDnpK5wdEhCEQIMW9eYY30kHIftECrqu6ArOALOIqVinNFifBJQzk0e1PjTQlFNFR5QrAFcBIHNdw";
    /** A code that makes the token endpoint fail with 500. */
    static final String SERVER_ERROR_CODE = "server-error";

    private HttpServer server;
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        realm(base, "basic", CLIENT_ID, false);
        realm(base, "post", POST_CLIENT_ID, true);
        server.start();
        Map<String, String> config = new HashMap<>();
        String basic = "rapport.security.oidc.\"" + SLUG + "\".";
        config.put(basic + "issuer", base + "/basic");
        config.put(basic + "client-id", CLIENT_ID);
        config.put(basic + "client-secret", CLIENT_SECRET);
        String post = "rapport.security.oidc.\"" + POST_SLUG + "\".";
        config.put(post + "issuer", base + "/post");
        config.put(post + "client-id", POST_CLIENT_ID);
        config.put(post + "client-secret", CLIENT_SECRET);
        config.put(post + "username-claim", "email");
        config.put(post + "scopes", "email");
        config.put(post + "client-authentication", "post");
        String down = "rapport.security.oidc.\"" + DOWN_SLUG + "\".";
        config.put(down + "issuer", base + "/down");
        config.put(down + "client-id", CLIENT_ID);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void realm(String base, String name, String clientId, boolean secretInBody) {
        String issuer = base + "/" + name;
        server.createContext("/" + name + "/.well-known/openid-configuration", x -> json(x, 200, "{\"issuer\":\""
                + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\"" + issuer
                + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\",\"response_types_supported\":[\"code\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"token_endpoint_auth_methods_supported\":[\""
                + (secretInBody ? "client_secret_post" : "client_secret_basic") + "\"]}"));
        server.createContext("/" + name + "/jwks", x -> json(x, 200, jwks()));
        server.createContext("/" + name + "/token", x -> token(x, clientId, secretInBody));
    }

    private void token(HttpExchange x, String clientId, boolean secretInBody) throws IOException {
        if (!"POST".equals(x.getRequestMethod())) {
            json(x, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form;
        try (InputStream in = x.getRequestBody()) {
            form = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String authorization = x.getRequestHeaders().getFirst("Authorization");
        boolean authenticated = secretInBody
                ? authorization == null && clientId.equals(form.get("client_id"))
                        && CLIENT_SECRET.equals(form.get("client_secret"))
                : !form.containsKey("client_secret") && (basic(encode(clientId), encode(CLIENT_SECRET))
                        .equals(authorization) || basic(clientId, CLIENT_SECRET).equals(authorization));
        if (!authenticated) {
            json(x, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String code = form.getOrDefault("code", "");
        if (code.equals(SERVER_ERROR_CODE)) {
            x.sendResponseHeaders(500, -1);
            x.close();
            return;
        }
        int split = code.indexOf('~');
        String verifier = form.get("code_verifier");
        if (!"authorization_code".equals(form.get("grant_type")) || split < 0 || verifier == null
                || !String.valueOf(form.get("redirect_uri")).endsWith("/login/oidc/callback")) {
            json(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        if (!challenge(verifier).equals(code.substring(0, split)) || !redeemed.add(code)) {
            json(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        json(x, 200, "{\"access_token\":\"mock-access-token\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + code.substring(split + 1) + "\"}");
    }

    /** RFC 6749 2.3.1 form-encodes both parts; quarkus-oidc, like most clients, sends them as they are. */
    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey ecPrivateKey() {
        try {
            return KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(EC_PRIVATE_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks() {
        try {
            RSAPublicKey rsa = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(JwtTestKey.PUBLIC_KEY)));
            ECPublicKey ec = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(EC_PUBLIC_KEY)));
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                    + unsigned(rsa.getModulus(), 0) + "\",\"e\":\"" + unsigned(rsa.getPublicExponent(), 0) + "\"},"
                    + "{\"kty\":\"EC\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + EC_KID + "\",\"crv\":\"P-256\","
                    + "\"x\":\"" + unsigned(ec.getW().getAffineX(), 32) + "\",\"y\":\"" + unsigned(ec.getW().getAffineY(), 32)
                    + "\"}]}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Big-endian without a sign byte, left-padded to {@code length} bytes when given. */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] magnitude = Arrays.copyOfRange(bytes, skip, bytes.length);
        byte[] padded = new byte[Math.max(length, magnitude.length)];
        System.arraycopy(magnitude, 0, padded, padded.length - magnitude.length, magnitude.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(padded);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> values = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
