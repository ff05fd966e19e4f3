package io.rapport.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** The chain's hash: SHA-256 of the previous hash and a length-prefixed rendering of every column. */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(String prevHash, UUID id, AuditEntry e, Instant occurredAt) {
        StringBuilder sb = new StringBuilder(prevHash).append('\n');
        for (Object field : new Object[] { id, e.organizationId(), occurredAt, e.actor(), e.action(), e.route(),
                e.objectType(), e.objectId(), e.clientId(), e.outcome(), e.status(), e.requestId() }) {
            // Length prefixes keep "ab","c" and "a","bc" apart.
            if (field == null) {
                sb.append("~;");
            } else {
                String s = field.toString();
                sb.append(s.length()).append(':').append(s).append(';');
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
