package io.rapport.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8,
            9, 10, 11, 12, 13, 14, 15, 16 });

    private final UUID endpoint = UUID.randomUUID();
    private final String secret = WebhookSignature.newSecret();

    @Test
    void shouldEncryptAndOpenWithTheSameKey() {
        SecretCipher cipher = new SecretCipher(KEY);

        String sealed = cipher.seal(endpoint, secret);

        assertThat(sealed).startsWith("aesgcm:").doesNotContain(secret.substring(6));
        assertThat(cipher.seal(endpoint, secret)).isNotEqualTo(sealed);
        assertThat(cipher.open(endpoint, sealed)).isEqualTo(secret);
    }

    @Test
    void shouldNotOpenForAnotherEndpointOrKey() {
        String sealed = new SecretCipher(KEY).seal(endpoint, secret);

        assertThatThrownBy(() -> new SecretCipher(KEY).open(UUID.randomUUID(), sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).open(endpoint, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldStillOpenSecretsStoredUnencryptedByEarlierVersions() {
        assertThat(new SecretCipher(KEY).open(endpoint, "plain:" + secret)).isEqualTo(secret);
    }

    @Test
    void shouldCreateAKeyFileReadableOnlyByItsOwnerAndReuseIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/webhook-secret.key");

        String created = SecretCipher.keyFromFile(file);
        String sealed = new SecretCipher(created).seal(endpoint, secret);

        assertThat(Base64.getDecoder().decode(created)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretCipher.keyFromFile(file)).isEqualTo(created);
        assertThat(new SecretCipher(SecretCipher.keyFromFile(file)).open(endpoint, sealed)).isEqualTo(secret);
        assertThat(SecretCipher.keyFromFile(dir.resolve("other.key"))).isNotEqualTo(created);
    }

    @Test
    void shouldRefuseKeysOfTheWrongLength() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[10]);

        assertThatThrownBy(() -> new SecretCipher(shortKey)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher("not base64!")).isInstanceOf(IllegalStateException.class);
    }
}
