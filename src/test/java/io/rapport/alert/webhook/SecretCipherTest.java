package io.rapport.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8,
            9, 10, 11, 12, 13, 14, 15, 16 });

    private final UUID endpoint = UUID.randomUUID();
    private final String secret = WebhookSignature.newSecret();

    @Test
    void shouldEncryptAndOpenWithTheSameKey() {
        SecretCipher cipher = new SecretCipher(Optional.of(KEY));

        String sealed = cipher.seal(endpoint, secret);

        assertThat(sealed).startsWith("aesgcm:").doesNotContain(secret.substring(6));
        assertThat(cipher.seal(endpoint, secret)).isNotEqualTo(sealed);
        assertThat(cipher.open(endpoint, sealed)).isEqualTo(secret);
    }

    @Test
    void shouldNotOpenForAnotherEndpointOrKey() {
        String sealed = new SecretCipher(Optional.of(KEY)).seal(endpoint, secret);

        assertThatThrownBy(() -> new SecretCipher(Optional.of(KEY)).open(UUID.randomUUID(), sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(Optional.of(OTHER_KEY)).open(endpoint, sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(Optional.empty()).open(endpoint, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldStorePlainWithoutKeyAndStillOpenItOnceAKeyExists() {
        String stored = new SecretCipher(Optional.empty()).seal(endpoint, secret);

        assertThat(stored).isEqualTo("plain:" + secret);
        assertThat(new SecretCipher(Optional.of(KEY)).open(endpoint, stored)).isEqualTo(secret);
    }

    @Test
    void shouldRefuseKeysOfTheWrongLength() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[10]);

        assertThatThrownBy(() -> new SecretCipher(Optional.of(shortKey))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(Optional.of("not base64!"))).isInstanceOf(IllegalStateException.class);
    }
}
