package io.rapport.security.smart;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import io.rapport.Api;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Keys made with jose4j, clients registered through the admin API, and signed assertions, as an EHR makes them. */
public final class SmartClients {

    private SmartClients() {
    }

    /** A registered client and the key it signs with. */
    public record Client(String id, String tokenEndpoint, PublicJsonWebKey key, String algorithm) {

        /** A valid assertion, changed by {@code tweak}. */
        public String assertion(Consumer<JwtClaims> tweak) {
            return SmartClients.assertion(key, algorithm, claims(id, tokenEndpoint), tweak);
        }

        public String assertion() {
            return assertion(c -> {
            });
        }

        /** An access token with these scopes. */
        public String token(String scope) {
            return tokenRequest(assertion(), scope).then().statusCode(200).extract().path("access_token");
        }
    }

    public static PublicJsonWebKey rsa(String kid) {
        try {
            PublicJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicJsonWebKey ec(String kid) {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the keys as a JWKS document. */
    public static String jwks(PublicJsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    /** Registers a client whose JWKS is inline and holds an RS384 key; returns it ready to sign. */
    public static Client register(String adminKey, String... scopes) {
        PublicJsonWebKey key = rsa("k-" + UUID.randomUUID());
        return register(adminKey, "\"jwks\":" + jwks(key), key, AlgorithmIdentifiers.RSA_USING_SHA384, scopes);
    }

    /** Registers a client; {@code keys} is the JSON member naming its keys ({@code "jwks":...} or {@code "jwksUrl":...}). */
    public static Client register(String adminKey, String keys, PublicJsonWebKey key, String algorithm,
            String... scopes) {
        Map<?, ?> created = Api.as(adminKey).body(registration(keys, scopes)).post("/api/v1/smart-clients").then()
                .statusCode(201).extract().as(Map.class);
        return new Client((String) created.get("clientId"), (String) created.get("tokenEndpoint"), key, algorithm);
    }

    public static String registration(String keys, String... scopes) {
        return "{\"name\":\"EHR backend\"," + keys + ",\"scopes\":[\"" + String.join("\",\"", scopes) + "\"]}";
    }

    /** The claims of a valid assertion: iss = sub = client id, aud the token endpoint, exp in 4 minutes. */
    public static JwtClaims claims(String clientId, String tokenEndpoint) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(tokenEndpoint);
        claims.setExpirationTimeMinutesInTheFuture(4);
        claims.setIssuedAtToNow();
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    public static String assertion(PublicJsonWebKey key, String algorithm, JwtClaims claims, Consumer<JwtClaims> tweak) {
        tweak.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NumericDate secondsFromNow(long seconds) {
        NumericDate date = NumericDate.now();
        date.addSeconds(seconds);
        return date;
    }

    public static Response tokenRequest(String assertion, String scope) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("scope", scope)
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .formParam("client_assertion", assertion).post("/oauth/token");
    }
}
