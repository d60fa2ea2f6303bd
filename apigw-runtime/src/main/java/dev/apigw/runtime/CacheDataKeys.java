package dev.apigw.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that encrypt the entries of stage caches with {@code cacheDataEncrypted}
 * (reference 9.3), one per cache cluster ({@code {apiId}/{stageName}}), each made the first time
 * its cluster asks and then kept. Either random, from a {@link SecureRandom}, so that they never
 * leave this JVM; or derived from a 32-byte secret a fleet shares, with HKDF-SHA256 (RFC 5869: the
 * secret as input keying material, no salt, the cluster id in UTF-8 as info, 32 bytes), so that
 * every JVM holding the secret derives the same key for a cluster, and two clusters never share
 * one. The secret is never printed: {@link #toString()} names the kind only. Thread-safe.
 */
final class CacheDataKeys {
    /** The length of the secret and of each key, in bytes. */
    static final int KEY_BYTES = 32;

    private final byte[] secret;
    private final ConcurrentMap<String, SecretKey> keys = new ConcurrentHashMap<>();

    private CacheDataKeys(byte[] secret) {
        this.secret = secret;
    }

    /** Returns keys of this JVM's own, random. */
    static CacheDataKeys random() {
        return new CacheDataKeys(null);
    }

    /**
     * Returns keys derived from {@code secret} (copied); fails with an {@link
     * IllegalArgumentException} unless it is 32 bytes.
     */
    static CacheDataKeys derivedFrom(byte[] secret) {
        if (secret.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "cacheDataKey must be 32 bytes (256 bits), got " + secret.length);
        }
        return new CacheDataKeys(secret.clone());
    }

    /** Returns the key of the cluster {@code clusterId}, the same object on every call. */
    SecretKey of(String clusterId) {
        return keys.computeIfAbsent(Objects.requireNonNull(clusterId), this::newKey);
    }

    private SecretKey newKey(String clusterId) {
        return secret == null ? randomKey() : derive(secret, clusterId);
    }

    /** Returns the AES-256 key of {@code clusterId} under {@code secret}. */
    static SecretKey derive(byte[] secret, String clusterId) {
        byte[] prk = Hkdf.extract(new byte[0], secret);
        byte[] okm = Hkdf.expand(prk, clusterId.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
        try {
            return new SecretKeySpec(okm, "AES");
        } finally {
            Arrays.fill(prk, (byte) 0);
            Arrays.fill(okm, (byte) 0);
        }
    }

    private static SecretKey randomKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, new SecureRandom());
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    @Override
    public String toString() {
        return secret == null ? "CacheDataKeys[random]" : "CacheDataKeys[derived]";
    }
}
