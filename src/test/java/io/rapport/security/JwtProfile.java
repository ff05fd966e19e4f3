package io.rapport.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * JWTs enabled, trusting an RSA key made for the test. The key lives in a file under target because Quarkus loads the
 * profile and the test class apart and restores system properties after start; both must see the same key.
 */
public class JwtProfile implements QuarkusTestProfile {

    static final String ISSUER = "https://idp.example.org";
    static final String AUDIENCE = "rapport-api";
    private static final Path KEY_FILE = Path.of("target", "jwt-test-profile.key");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rapport.security.jwt.enabled", "true",
                "rapport.security.jwt.issuer", ISSUER,
                "rapport.security.jwt.audience", AUDIENCE,
                "rapport.security.jwt.public-key", publicKeyPem());
    }

    static String publicKeyPem() {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey();
        try {
            byte[] der = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized PrivateKey privateKey() {
        try {
            if (!Files.exists(KEY_FILE)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                Files.createDirectories(KEY_FILE.getParent());
                Files.writeString(KEY_FILE,
                        Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
            }
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(KEY_FILE).trim())));
        } catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
