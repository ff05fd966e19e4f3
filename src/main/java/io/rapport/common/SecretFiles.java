package io.rapport.common;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret kept in a file beside the data it protects (the webhook key, the embedded database's password): read
 * it, or create it once with 32 random bytes, readable by this process's user only.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secret, and whether this call created its file (callers log that once). */
    public record Stored(String value, boolean created) {
    }

    private SecretFiles() {
    }

    /** The file's trimmed content; without the file, a new random secret in {@code encoder}'s form, written first. */
    public static Stored readOrCreate(Path file, Base64.Encoder encoder) throws IOException {
        if (Files.exists(file)) {
            return new Stored(Files.readString(file).trim(), false);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly(dir));
        try {
            Files.writeString(temporary, encoder.encodeToString(fresh) + "\n");
            // Atomic, so no reader ever sees a half-written secret.
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; its secret is the one.
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new Stored(Files.readString(file).trim(), true);
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
                : new FileAttribute<?>[0];
    }
}
