package io.rapport.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * JWTs enabled, trusting an RSA key pair made for this test run. The pair lives in system properties because the
 * profile and the test class may be loaded by different class loaders; both must see the same key.
 */
public class JwtProfile implements QuarkusTestProfile {

    static final String ISSUER = "https://idp.example.org";
    static final String AUDIENCE = "rapport-api";
    private static final String PRIVATE = "jwt-test-profile.private-key";
    private static final String PUBLIC = "jwt-test-profile.public-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rapport.security.jwt.enabled", "true",
                "rapport.security.jwt.issuer", ISSUER,
                "rapport.security.jwt.audience", AUDIENCE,
                "rapport.security.jwt.public-key", publicKeyPem());
    }

    static synchronized void ensureKeys() {
        if (System.getProperty(PRIVATE) != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKeyPem() {
        ensureKeys();
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                        Base64.getDecoder().decode(System.getProperty(PUBLIC)))
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PrivateKey privateKey() {
        ensureKeys();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE))));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
