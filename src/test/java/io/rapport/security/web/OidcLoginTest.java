package io.rapport.security.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.rapport.security.LogCapture;
import io.rapport.security.Secrets;
import io.rapport.security.SecurityConfig;
import io.rapport.security.jwt.JwtTestKey;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sign-in through an organization's OpenID provider, against {@link MockOpenIdProvider}: the happy path ends in
 * the same web session as a password login; every broken or hostile callback ends on the login page with 401.
 */
@QuarkusTest
class OidcLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The organizations named in the mock provider's configuration; created once per test run. */
    private static final Map<String, String> ADMIN_KEYS = new HashMap<>();

    @Inject
    SecurityConfig security;
    @Inject
    DataSource dataSource;

    /** Each test comes from an address of its own, so its failures never throttle another test. */
    String address;
    String username;

    /**
     * What the browser brings back from the provider: the authorization request's parameters and quarkus-oidc's
     * state cookie, {@code q_auth_<slug>_<state>}.
     */
    record Started(Map<String, String> params, String cookieName, String cookieValue) {

        String state() {
            return params.get("state");
        }

        /** The same sign-in with another browser's cookie value. */
        Started inAnotherBrowser() {
            return new Started(params, cookieName, Secrets.newToken());
        }
    }

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeEach
    void accounts() {
        address = "10." + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(255)
                + "." + ThreadLocalRandom.current().nextInt(1, 255);
        username = Web.username("sso");
        Web.account(adminKey(MockOpenIdProvider.SLUG), username, LoginTest.PASSWORD, "therapist", "T-1");
    }

    @Test
    void shouldSignInThroughTheProviderIntoAWorkingWebSession() {
        Response start = browser().get("/login/oidc/" + MockOpenIdProvider.SLUG);
        assertThat(start.statusCode()).isEqualTo(303);
        URI location = URI.create(start.header("Location"));
        assertThat(location.toString()).startsWith(issuer(MockOpenIdProvider.SLUG) + "/authorize?");
        Map<String, String> params = query(location);
        assertThat(params).containsEntry("response_type", "code")
                .containsEntry("client_id", MockOpenIdProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "openid profile email");
        assertThat(params.get("redirect_uri")).endsWith("/login/oidc/callback");
        assertThat(params.get("state")).matches(UUID_PATTERN);
        assertThat(params.get("nonce")).matches(UUID_PATTERN).isNotEqualTo(params.get("state"));
        assertThat(params.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        String stateCookie = "q_auth_" + MockOpenIdProvider.SLUG + "_" + params.get("state");
        String cookie = start.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(stateCookie + "=")).findFirst().orElseThrow();
        // The cookie's lifetime is the sign-in's: a browser that comes back later has nothing to finish.
        assertThat(cookie).contains("Secure", "SameSite=Lax", "Path=/", "Max-Age=600").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Domain");
        // The PKCE verifier and the nonce travel encrypted, never in the clear.
        assertThat(start.getCookie(stateCookie)).startsWith(params.get("state") + "|")
                .doesNotContain(params.get("nonce"));

        Started started = new Started(params, stateCookie, start.getCookie(stateCookie));
        Response callback = callback(started, code(started, sign(claims(started, username))));
        assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(303);
        assertThat(callback.header("Location")).endsWith("/app");
        String session = callback.getCookie(Web.SESSION_COOKIE);
        assertThat(session).isNotBlank();
        assertThat(callback.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(Web.SESSION_COOKIE + "=").contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/"));
        // Rapport's session is the only one: quarkus-oidc's own session cookie is cleared in the same answer.
        assertThat(callback.headers().getValues("Set-Cookie")).filteredOn(c -> c.startsWith("q_session"))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("Max-Age=0"));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).get("/app").then().statusCode(200)
                .header("Cache-Control", "no-store");
        Api.as(adminKey(MockOpenIdProvider.SLUG)).get("/api/v1/accounts?size=100").then().statusCode(200);
    }

    @Test
    void shouldAcceptAnEs256IdToken() {
        Started started = start(MockOpenIdProvider.SLUG);
        String input = encode(Map.of("alg", "ES256", "typ", "JWT", "kid", MockOpenIdProvider.EC_KID)) + "."
                + encode(claims(started, username));
        String token;
        try {
            // P1363 gives the raw R||S form that JWS requires instead of DER.
            Signature ec = Signature.getInstance("SHA256withECDSAinP1363Format");
            ec.initSign(MockOpenIdProvider.ecPrivateKey());
            ec.update(input.getBytes(StandardCharsets.US_ASCII));
            token = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(ec.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Response r = callback(started, code(started, token));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        assertThat(r.getCookie(Web.SESSION_COOKIE)).isNotBlank();
    }

    @Test
    void shouldOfferTheProviderOnTheLoginPageOfItsOrganizationOnly() {
        assertThat(given().get("/login?org=" + MockOpenIdProvider.SLUG).asString())
                .contains("href=\"/login/oidc/" + MockOpenIdProvider.SLUG + "\"",
                        "Sign in with your organization's identity provider");
        assertThat(given().get("/login?org=no-such-org").asString()).doesNotContain("/login/oidc/");
        assertThat(given().get("/login").asString()).doesNotContain("/login/oidc/");
    }

    @Test
    void shouldAnswer404WithTheLoginPageForAnOrganizationWithoutAProvider() {
        String other = Api.newOrganization();
        assertThat(other).isNotBlank();
        for (String slug : List.of("default", "no-such-org", "callback-x", "%2e%2e")) {
            Response r = browser().get("/login/oidc/" + slug);
            assertThat(r.statusCode()).as(slug).isEqualTo(404);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.asString()).contains(OidcLoginResource.NOT_CONFIGURED.replace("'", "&#39;"))
                    .contains("<form method=\"post\" action=\"/login\">");
            assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void shouldRefuseAWrongOrMissingState() {
        Started started = start(MockOpenIdProvider.SLUG);
        String code = code(started, sign(claims(started, username)));
        Started forged = new Started(Map.of("state", UUID.randomUUID().toString(), "code_challenge",
                started.params().get("code_challenge")), started.cookieName(), started.cookieValue());
        assertRefused(callback(forged, code), OidcLoginService.EXPIRED);
        assertRefused(browser().cookie(started.cookieName(), started.cookieValue()).queryParam("code", code)
                .get("/login/oidc/callback"), OidcLoginService.EXPIRED);
        assertRefused(browser().get("/login/oidc/callback"), OidcLoginService.EXPIRED);
    }

    @Test
    void shouldRefuseAReplayedCallback() {
        Started started = start(MockOpenIdProvider.SLUG);
        String code = code(started, sign(claims(started, username)));
        assertThat(callback(started, code).statusCode()).isEqualTo(303);
        // Even with the state cookie replayed too, the provider redeems a code once.
        assertRefused(callback(started, code), OidcLoginService.FAILED);
    }

    @Test
    void shouldRefuseAReplayedCodeUnderANewState() {
        Started first = start(MockOpenIdProvider.SLUG);
        String code = code(first, sign(claims(first, username)));
        assertThat(callback(first, code).statusCode()).isEqualTo(303);
        // The same browser starts again, and an attacker hands the new state the spent code.
        Started second = start(MockOpenIdProvider.SLUG);
        assertRefused(callback(second, code), OidcLoginService.FAILED);
    }

    @Test
    void shouldRefuseACallbackInABrowserThatDidNotStartTheSignIn() {
        Started started = start(MockOpenIdProvider.SLUG);
        String code = code(started, sign(claims(started, username)));
        // Login CSRF: the attacker's own state and code, delivered to the victim's browser.
        assertRefused(browser().queryParam("state", started.state()).queryParam("code", code)
                .get("/login/oidc/callback"), OidcLoginService.EXPIRED);
        Started again = start(MockOpenIdProvider.SLUG);
        assertRefused(callback(again.inAnotherBrowser(), code(again, sign(claims(again, username)))),
                OidcLoginService.EXPIRED);
    }

    @Test
    void shouldRefuseIdTokensThatFailVerification() throws GeneralSecurityException {
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Map<String, UnaryOperator<Map<String, Object>>> claimCases = new LinkedHashMap<>();
        claimCases.put("wrong audience", c -> with(c, "aud", "someone-else"));
        claimCases.put("audiences without azp", c -> with(c, "aud", List.of(MockOpenIdProvider.CLIENT_ID, "other")));
        claimCases.put("another authorized party", c -> with(c, "azp", "other"));
        claimCases.put("wrong issuer", c -> with(c, "iss", "https://evil.example.org"));
        claimCases.put("expired", c -> with(with(c, "exp", Instant.now().minusSeconds(600).getEpochSecond()), "iat",
                Instant.now().minusSeconds(1200).getEpochSecond()));
        claimCases.put("wrong nonce", c -> with(c, "nonce", Secrets.newToken()));
        claimCases.put("no nonce", c -> with(c, "nonce", null));
        claimCases.put("no subject", c -> with(c, "sub", null));
        for (Map.Entry<String, UnaryOperator<Map<String, Object>>> kase : claimCases.entrySet()) {
            Started started = start(MockOpenIdProvider.SLUG);
            String token = sign(kase.getValue().apply(claims(started, username)));
            assertRefused(callback(started, code(started, token)), OidcLoginService.FAILED, kase.getKey());
        }
        Map<String, Function<Map<String, Object>, String>> signatureCases = new LinkedHashMap<>();
        signatureCases.put("another key", c -> rs256(c, stranger));
        signatureCases.put("HS256 keyed with the public key", OidcLoginTest::hs256WithPublicKey);
        signatureCases.put("unsigned", c -> encode(Map.of("alg", "none")) + "." + encode(c) + ".");
        signatureCases.put("tampered", c -> {
            String valid = sign(c);
            String[] parts = valid.split("\\.");
            return parts[0] + "." + encode(with(c, "preferred_username", "someone-else")) + "." + parts[2];
        });
        for (var kase : signatureCases.entrySet()) {
            Started started = start(MockOpenIdProvider.SLUG);
            assertRefused(callback(started, code(started, kase.getValue().apply(claims(started, username)))),
                    OidcLoginService.FAILED, kase.getKey());
        }
    }

    @Test
    void shouldRefuseAnUnknownADeactivatedAndAnotherOrganizationsUserAlike() {
        String deactivated = Web.username("sso-gone");
        String id = Api.as(adminKey(MockOpenIdProvider.SLUG))
                .body("{\"username\":\"" + deactivated + "\",\"password\":\"" + LoginTest.PASSWORD
                        + "\",\"role\":\"admin\",\"therapistId\":null}")
                .post("/api/v1/accounts").then().statusCode(201).extract().path("id");
        Api.as(adminKey(MockOpenIdProvider.SLUG)).post("/api/v1/accounts/" + id + "/deactivate").then().statusCode(200);
        String elsewhere = Web.username("sso-elsewhere");
        Web.account(Api.newOrganization(), elsewhere, LoginTest.PASSWORD, "admin", null);

        List<String> bodies = new ArrayList<>();
        for (String name : List.of(Web.username("sso-nobody"), deactivated, elsewhere)) {
            Started started = start(MockOpenIdProvider.SLUG);
            Response r = callback(started, code(started, sign(claims(started, name))));
            assertRefused(r, OidcLoginService.NO_ACCOUNT, name);
            bodies.add(r.asString().replaceAll("value=\"[A-Za-z0-9_-]{43}\"", "value=\"\""));
        }
        assertThat(bodies).containsOnly(bodies.get(0));
        // The password still works for the account of the other organization: nothing was locked.
        Web.login(elsewhere, LoginTest.PASSWORD);
    }

    @Test
    void shouldShowTheLoginPageWhenTheProviderRefusesOrFails() {
        Started started = start(MockOpenIdProvider.SLUG);
        Response denied = browser().cookie(started.cookieName(), started.cookieValue())
                .queryParam("state", started.state()).queryParam("error", "access_denied")
                .queryParam("error_description", "The user said no <script>").get("/login/oidc/callback");
        assertRefused(denied, OidcLoginService.CANCELLED);
        assertThat(denied.asString()).doesNotContain("<script>").contains("href=\"/login/oidc/" + MockOpenIdProvider.SLUG);
        // The refusal spends the state in the browser.
        assertThat(denied.headers().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(started.cookieName() + "=;").contains("Max-Age=0"));

        Started failing = start(MockOpenIdProvider.SLUG);
        assertRefused(callback(failing, MockOpenIdProvider.SERVER_ERROR_CODE), OidcLoginService.FAILED);
        Started wrongVerifier = start(MockOpenIdProvider.SLUG);
        assertRefused(callback(wrongVerifier, MockOpenIdProvider.challenge(Secrets.newToken()) + "~"
                + sign(claims(wrongVerifier, username))), OidcLoginService.FAILED);
        Started mixUp = start(MockOpenIdProvider.SLUG);
        assertRefused(browser().cookie(mixUp.cookieName(), mixUp.cookieValue()).queryParam("state", mixUp.state())
                .queryParam("code", code(mixUp, sign(claims(mixUp, username))))
                .queryParam("iss", "https://evil.example.org").get("/login/oidc/callback"), OidcLoginService.FAILED);
    }

    @Test
    void shouldShowTheLoginPageWhenTheProviderCannotBeReached() {
        adminKey(MockOpenIdProvider.DOWN_SLUG);
        Response r = browser().get("/login/oidc/" + MockOpenIdProvider.DOWN_SLUG);
        assertRefused(r, OidcLoginService.FAILED);
        assertThat(r.headers().getValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("q_auth"));
    }

    @Test
    void shouldEndTheSessionForGoodAtLogoutAfterAProviderSignIn() throws SQLException {
        Started started = start(MockOpenIdProvider.SLUG);
        String cookie = callback(started, code(started, sign(claims(started, username)))).getCookie(Web.SESSION_COOKIE);
        String page = given().redirects().follow(false).cookie(Web.SESSION_COOKIE, cookie).get("/app").then()
                .statusCode(200).extract().asString();
        Web.Session session = new Web.Session(cookie, Web.csrfIn(page));
        session.spec().contentType("application/x-www-form-urlencoded").formParam("csrf", session.csrf())
                .post("/logout").then().statusCode(303);
        assertThat(sessions(Secrets.hash(cookie))).isZero();
        session.spec().get("/app").then().statusCode(303);
    }

    @Test
    void shouldEndThePreviousSessionOfTheBrowser() throws SQLException {
        Web.Session before = Web.login(username, LoginTest.PASSWORD);
        Started started = start(MockOpenIdProvider.SLUG);
        Response r = browser().cookie(started.cookieName(), started.cookieValue())
                .cookie(Web.SESSION_COOKIE, before.cookie())
                .queryParam("state", started.state()).queryParam("code", code(started, sign(claims(started, username))))
                .get("/login/oidc/callback");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(sessions(Secrets.hash(before.cookie()))).isZero();
        assertThat(sessions(Secrets.hash(r.getCookie(Web.SESSION_COOKIE)))).isEqualTo(1);
    }

    @Test
    void shouldSignInWithTheSecretInTheBodyAndAVerifiedEmail() {
        String email = Web.username("sso") + "@clinic.example.org";
        Web.account(adminKey(MockOpenIdProvider.POST_SLUG), email, LoginTest.PASSWORD, "admin", null);
        Started started = start(MockOpenIdProvider.POST_SLUG);
        assertThat(started.params()).containsEntry("scope", "openid email")
                .containsEntry("client_id", MockOpenIdProvider.POST_CLIENT_ID);
        Started unverified = start(MockOpenIdProvider.POST_SLUG);
        assertRefused(callback(unverified, code(unverified, sign(with(postClaims(unverified, email), "email_verified",
                false)))), OidcLoginService.NO_ACCOUNT);
        Response r = callback(started, code(started, sign(postClaims(started, email.toUpperCase()))));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, r.getCookie(Web.SESSION_COOKIE)).get("/app")
                .then().statusCode(200);
    }

    @Test
    void shouldThrottleAnAddressAfterTooManyRefusedCallbacks() {
        int limit = security.web().maxFailuresPerAddress();
        for (int i = 0; i < limit; i++) {
            browser().queryParam("state", UUID.randomUUID().toString()).queryParam("code", "x").get("/login/oidc/callback")
                    .then().statusCode(401);
        }
        Started started = start(MockOpenIdProvider.SLUG);
        Response r = callback(started, code(started, sign(claims(started, username))));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 301L);
        assertThat(r.getCookie(Web.SESSION_COOKIE)).isNull();
    }

    @Test
    void shouldKeepCodesTokensAndTheClientSecretOutOfTheLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new LogCapture(lines);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>();
        try {
            Started good = start(MockOpenIdProvider.SLUG);
            String goodToken = sign(claims(good, username));
            Response r = callback(good, code(good, goodToken));
            assertThat(r.statusCode()).isEqualTo(303);
            Started bad = start(MockOpenIdProvider.SLUG);
            String badToken = sign(with(claims(bad, username), "aud", "someone-else"));
            assertRefused(callback(bad, code(bad, badToken)), OidcLoginService.FAILED);
            secrets.addAll(List.of(MockOpenIdProvider.CLIENT_SECRET, goodToken, badToken, good.state(), bad.state(),
                    good.params().get("nonce"), good.cookieValue(), good.params().get("code_challenge"),
                    r.getCookie(Web.SESSION_COOKIE), username));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("invalid ID token (audience_invalid)"));
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }

    // Helpers

    private RequestSpecification browser() {
        return given().redirects().follow(false).header("X-Forwarded-For", address);
    }

    private Started start(String slug) {
        Response r = browser().get("/login/oidc/" + slug);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        Map<String, String> params = query(URI.create(r.header("Location")));
        String name = "q_auth_" + slug + "_" + params.get("state");
        return new Started(params, name, r.getCookie(name));
    }

    private Response callback(Started started, String code) {
        return browser().cookie(started.cookieName(), started.cookieValue()).queryParam("state", started.state())
                .queryParam("code", code).get("/login/oidc/callback");
    }

    private static void assertRefused(Response r, String message) {
        assertRefused(r, message, message);
    }

    private static void assertRefused(Response r, String message, String description) {
        assertThat(r.statusCode()).as(description + ": " + r.asString()).isEqualTo(401);
        assertThat(r.contentType()).as(description).startsWith("text/html");
        assertThat(r.asString()).as(description).contains(message.replace("'", "&#39;"));
        assertThat(r.getCookie(Web.SESSION_COOKIE)).as(description).isNull();
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    /** What the mock's token endpoint redeems: the PKCE challenge it must match, and the ID token to return. */
    private static String code(Started started, String idToken) {
        return started.params().get("code_challenge") + "~" + idToken;
    }

    private Map<String, Object> claims(Started started, String preferredUsername) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer(MockOpenIdProvider.SLUG));
        claims.put("sub", "idp-" + UUID.randomUUID());
        claims.put("aud", MockOpenIdProvider.CLIENT_ID);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("nonce", started.params().get("nonce"));
        claims.put("preferred_username", preferredUsername);
        return claims;
    }

    private Map<String, Object> postClaims(Started started, String email) {
        Map<String, Object> claims = claims(started, "not-the-claim-used");
        claims.put("iss", issuer(MockOpenIdProvider.POST_SLUG));
        claims.put("aud", List.of(MockOpenIdProvider.POST_CLIENT_ID));
        claims.put("email", email);
        claims.put("email_verified", true);
        return claims;
    }

    private String issuer(String slug) {
        return security.oidc().get(slug).issuer();
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    private static String sign(Map<String, Object> claims) {
        return rs256(claims, JwtTestKey.privateKey());
    }

    /** RS256 by hand with the JDK, so the verifier is checked against an independent signer. */
    private static String rs256(Map<String, Object> claims, PrivateKey key) {
        String input = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", MockOpenIdProvider.KID)) + "."
                + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256WithPublicKey(Map<String, Object> claims) {
        String input = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", MockOpenIdProvider.KID)) + "."
                + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(JwtTestKey.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, ?> json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private long sessions(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from web_session where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The organization of a configured slug, created through the operator API the first time it is needed. */
    private static synchronized String adminKey(String slug) {
        return ADMIN_KEYS.computeIfAbsent(slug, s -> given().auth().oauth2(Api.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + s + "\",\"name\":\"Clinic with single sign-on " + s + "\"}")
                .post("/api/v1/organizations").then().statusCode(201).extract().path("adminApiKey"));
    }
}
