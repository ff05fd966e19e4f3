package io.rapport.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rapport.security.SecurityConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** Plain JUnit: the verifier is built from configuration alone, so each key type can be tried in every order. */
class JwtVerificationKeyTest {

    private static final List<List<String>> BOTH_ORDERS = List.of(List.of("RS256", "ES256"), List.of("ES256", "RS256"));

    @Test
    void shouldVerifyAnRsaKeyWhateverOrderTheAlgorithmsComeIn() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        for (List<String> order : BOTH_ORDERS) {
            DefaultJWTParser parser = parser(pem(rsa), null, order);
            assertThat(parser.parse(sign(rsa, AlgorithmIdentifiers.RSA_USING_SHA256)).getSubject()).isEqualTo("ehr");
        }
    }

    @Test
    void shouldVerifyAnEcKeyWhateverOrderTheAlgorithmsComeIn() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();
        for (List<String> order : BOTH_ORDERS) {
            DefaultJWTParser parser = parser(pem(ec), null, order);
            assertThat(parser.parse(sign(ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)).getSubject())
                    .isEqualTo("ehr");
        }
    }

    @Test
    void shouldReadAPemKeyFromAFile(@TempDir Path dir) throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path file = Files.writeString(dir.resolve("idp.pem"), pem(rsa));
        for (List<String> order : BOTH_ORDERS) {
            DefaultJWTParser parser = parser(null, file.toString(), order);
            assertThat(parser.parse(sign(rsa, AlgorithmIdentifiers.RSA_USING_SHA256)).getSubject()).isEqualTo("ehr");
        }
    }

    @Test
    void shouldRejectATokenSignedWithAnAlgorithmThatIsNotAllowed() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        DefaultJWTParser parser = parser(pem(rsa), null, List.of("ES256"));
        assertThatThrownBy(() -> parser.parse(sign(rsa, AlgorithmIdentifiers.RSA_USING_SHA256)))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void shouldRefuseAKeyThatIsNotPem() {
        assertThatThrownBy(() -> JwtIdentityProvider.pemPublicKey("-----BEGIN PUBLIC KEY-----\n%%%\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public-key");
        assertThatThrownBy(() -> JwtIdentityProvider
                .pemPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither an RSA nor an EC");
    }

    private static DefaultJWTParser parser(String key, String location, List<String> algorithms) {
        SecurityConfig.Jwt config = new SecurityConfig.Jwt() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Optional<String> issuer() {
                return Optional.of("https://idp.example.org");
            }

            @Override
            public Optional<String> audience() {
                return Optional.of("rapport-api");
            }

            @Override
            public Optional<String> publicKeyLocation() {
                return Optional.ofNullable(location);
            }

            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public Set<String> algorithms() {
                return new LinkedHashSet<>(algorithms);
            }

            @Override
            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }

            @Override
            public String organizationClaim() {
                return "rapport_org";
            }
        };
        return new DefaultJWTParser(JwtIdentityProvider.contextOf(config), new DefaultJWTCallerPrincipalFactory());
    }

    private static String sign(KeyPair keys, String algorithm) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://idp.example.org");
        claims.setAudience("rapport-api");
        claims.setSubject("ehr");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
