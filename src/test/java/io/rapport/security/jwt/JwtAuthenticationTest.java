package io.rapport.security.jwt;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class JwtAuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    String slug;
    String organizationId;
    String adminKey;
    String pairId;
    String otherOrganizationId;

    @BeforeEach
    void twoOrganizations() {
        slug = "jwt-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> created = given().auth().oauth2(Api.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"JWT clinic\"}").post("/api/v1/organizations")
                .then().statusCode(201).extract().as(Map.class);
        organizationId = (String) created.get("id");
        adminKey = (String) created.get("adminApiKey");
        pairId = as(adminKey).body(Api.session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201)
                .extract().path("pairId");
        otherOrganizationId = given().auth().oauth2(Api.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"o" + slug + "\",\"name\":\"Other clinic\"}").post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldAcceptAValidTokenForItsOrganizationByIdOrSlug() {
        bearer(sign(claims(organizationId, "read write"))).get("/api/v1/pairs/" + pairId).then().statusCode(200);
        bearer(sign(claims(slug, "read write"))).get("/api/v1/pairs/" + pairId).then().statusCode(200);
        bearer(sign(claims(organizationId, "read write"))).body(Api.session("c-2", "t-1"))
                .post("/api/v1/sessions").then().statusCode(201);
    }

    @Test
    void shouldKeepApiKeysWorkingNextToJwts() {
        as(adminKey).get("/api/v1/pairs/" + pairId).then().statusCode(200);
        given().auth().oauth2("rpk_unknown-key").get("/api/v1/pairs").then().statusCode(401);
    }

    @Test
    void shouldEnforceTheScopeClaim() {
        String readOnly = sign(claims(organizationId, "read"));
        bearer(readOnly).get("/api/v1/pairs/" + pairId).then().statusCode(200);
        bearer(readOnly).body(Api.session("c-2", "t-1")).post("/api/v1/sessions").then().statusCode(403)
                .contentType("application/problem+json");
        bearer(sign(claims(organizationId, "write"))).get("/api/v1/pairs").then().statusCode(403);
        bearer(sign(claims(organizationId, "openid profile"))).get("/api/v1/pairs").then().statusCode(403);
    }

    @Test
    void shouldGiveAnEhrRoleOnlyNeverAdminOrOperator() {
        String token = sign(claims(organizationId, "read write"));
        bearer(token).get("/api/v1/webhooks").then().statusCode(403);
        bearer(token).body("{\"slug\":\"x" + slug + "\",\"name\":\"X\"}").post("/api/v1/organizations").then()
                .statusCode(403);
    }

    @Test
    void shouldHideAnotherOrganizationsPair() {
        bearer(sign(claims(otherOrganizationId, "read write"))).get("/api/v1/pairs/" + pairId).then()
                .statusCode(404);
    }

    @Test
    void shouldRejectAWrongIssuerAudienceOrExpiredToken() {
        unauthorized(sign(with(claims(organizationId, "read"), "iss", "https://evil.example.org")));
        unauthorized(sign(with(claims(organizationId, "read"), "aud", "someone-else")));
        unauthorized(sign(with(with(claims(organizationId, "read"), "iat", Instant.now().minusSeconds(3600).getEpochSecond()),
                "exp", Instant.now().minusSeconds(600).getEpochSecond())));
        unauthorized(sign(claims("no-such-organization", "read")));
        unauthorized(sign(with(claims(organizationId, "read"), "rapport_org", null)));
    }

    @Test
    void shouldRejectUnsignedTokensTokensSignedWithThePublicKeyAndTamperedTokens() {
        String payload = "{\"iss\":\"" + JwtTestKey.ISSUER + "\",\"aud\":\"" + JwtTestKey.AUDIENCE
                + "\",\"sub\":\"ehr\",\"rapport_org\":\"" + organizationId + "\",\"scope\":\"read write\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}";
        unauthorized(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".");
        String hsInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
        unauthorized(hsInput + "." + hmac(hsInput, JwtTestKey.publicKeyPem()));

        String valid = sign(claims(organizationId, "read write"));
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + b64(payload.replace(organizationId, otherOrganizationId)) + "." + parts[2];
        unauthorized(forged);
    }

    @Test
    void shouldRefuseSharedSecretAndUnsignedAlgorithmsInTheConfiguration() {
        assertThatThrownBy(() -> JwtIdentityProvider.algorithms(Set.of("RS256", "HS256")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HS256");
        assertThatThrownBy(() -> JwtIdentityProvider.algorithms(Set.of("none")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Map<String, Object> claims(String organization, String scope) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", JwtTestKey.ISSUER);
        claims.put("aud", JwtTestKey.AUDIENCE);
        claims.put("sub", "ehr-system");
        claims.put("rapport_org", organization);
        claims.put("scope", scope);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(300).getEpochSecond());
        return claims;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return claims;
    }

    /** RS256 by hand with the JDK, so the test checks the verifier against an independent signer. */
    private static String sign(Map<String, Object> claims) {
        try {
            String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(JSON.writeValueAsString(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(JwtTestKey.privateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static void unauthorized(String token) {
        bearer(token).get("/api/v1/pairs").then().statusCode(401).contentType("application/problem+json");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String input, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
