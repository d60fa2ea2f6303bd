package dev.apigw.samples.localserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the file of {@code --cache-data-key-file}: the 32-byte secret a fleet of servers shares for
 * the stage caches with {@code cacheDataEncrypted} (reference 9.3, issue 16; {@code
 * Gateway.Builder#cacheDataKey}), written as 64 hex characters or as the base64 of 32 bytes,
 * surrounding whitespace ignored. It is a file and not a flag's value because a command line shows
 * in {@code ps}. No message ever echoes what the file holds.
 */
final class CacheDataKeyFile {
    private static final String FLAG = "--cache-data-key-file ";
    private static final int KEY_BYTES = 32;
    private static final int MAX_FILE_BYTES = 1024;

    private CacheDataKeyFile() {}

    /**
     * Returns the secret of {@code file}; fails with a {@link LaunchException} naming the flag and
     * the file: a failure (exit 1) for a file that cannot be read, a usage error (exit 2) for one
     * that holds no secret of 32 bytes.
     */
    static SecretKey read(Path file) {
        byte[] content;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw invalid(file);
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw LaunchException.failure(
                    FLAG
                            + file
                            + ": "
                            + (Files.exists(file)
                                    ? "cannot be read (" + e.getClass().getSimpleName() + ")"
                                    : "file not found"));
        }
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        Arrays.fill(content, (byte) 0);
        byte[] secret = decode(text);
        if (secret == null || secret.length != KEY_BYTES) {
            throw invalid(file);
        }
        try {
            return new SecretKeySpec(secret, "AES");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Returns the warning to print at startup when other users than the file's owner may read
     * {@code file} (its POSIX permissions give read to the group or others), else empty; empty too
     * on a file system without POSIX permissions.
     */
    static Optional<String> exposure(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of(
                        FLAG
                                + file
                                + " is readable by other users than its owner (chmod 600 "
                                + file
                                + ")");
            }
            return Optional.empty();
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }

    /** Returns the bytes of 64 hex characters or of base64, or null when it is neither. */
    private static byte[] decode(String text) {
        if (text.length() == 2 * KEY_BYTES && text.chars().allMatch(CacheDataKeyFile::isHex)) {
            return HexFormat.of().parseHex(text);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static LaunchException invalid(Path file) {
        return LaunchException.usage(
                FLAG
                        + file
                        + ": expects 64 hex characters or the base64 of 32 bytes"
                        + " (e.g. from openssl rand -hex 32)");
    }
}
