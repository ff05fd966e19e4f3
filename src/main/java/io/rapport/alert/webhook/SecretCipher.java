package io.rapport.alert.webhook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.rapport.alert.AlertConfig;
import io.rapport.common.SecretFiles;

/**
 * Keeps webhook signing secrets encrypted at rest. They must stay usable for signing, so a hash will not do.
 * The endpoint id is the associated data, so a ciphertext copied to another endpoint's row does not open.
 */
@Singleton
public class SecretCipher {

    static final String ENCRYPTED = "aesgcm:";
    static final String PLAIN = "plain:";
    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public SecretCipher(AlertConfig config) {
        this(config.webhooks().secretKey().filter(k -> !k.isBlank())
                .orElseGet(() -> keyFromFile(config.webhooks().secretKeyFile())));
    }

    SecretCipher(String base64Key) {
        this.key = aesKey(base64Key);
    }

    /** Reads the key file, or creates it with a random key readable only by this process's user. */
    static String keyFromFile(Path file) {
        try {
            SecretFiles.Stored key = SecretFiles.readOrCreate(file, Base64.getEncoder());
            if (key.created()) {
                LOG.infof("Created %s, the key that encrypts webhook signing secrets; keep it with the data", file);
            }
            return key.value();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the webhook secret key file " + file
                    + "; set rapport.alert.webhooks.secret-key or a writable secret-key-file", e);
        }
    }

    /** The encrypted form to store. */
    public String seal(UUID endpointId, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ENCRYPTED + Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /**
     * The secret itself; {@code plain:} rows come from versions that stored secrets unencrypted without a key.
     *
     * @throws IllegalStateException when the secret was encrypted under a key that is not configured now
     */
    public String open(UUID endpointId, String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENCRYPTED)) {
            throw new IllegalStateException("Unknown secret format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing secret does not decrypt with the configured key", e);
        }
    }

    private static SecretKeySpec aesKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rapport.alert.webhooks.secret-key must be base64", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("rapport.alert.webhooks.secret-key must decode to 16, 24 or 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
