package dev.apigw.runtime;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), from the JDK's {@code HmacSHA256}: the derivation of the stage
 * caches' data keys from the secret a fleet shares ({@link CacheDataKeys}, reference 9.3).
 */
final class Hkdf {
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {}

    /**
     * HKDF-Extract: returns the pseudorandom key of {@code ikm}; an empty {@code salt} stands for
     * 32 zero bytes (RFC 5869, 2.2).
     */
    static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] key = salt.length == 0 ? new byte[HASH_BYTES] : salt;
        return mac(key).doFinal(ikm);
    }

    /**
     * HKDF-Expand: returns {@code length} bytes of output keying material from the pseudorandom key
     * {@code prk} and {@code info} (RFC 5869, 2.3); at most 255 × 32 bytes.
     */
    static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF length must be 0 to 8160, got " + length);
        }
        Mac mac = mac(prk);
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        for (int i = 0, done = 0; done < length; i++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) (i + 1));
            block = mac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, okm, done, n);
            done += n;
        }
        Arrays.fill(block, (byte) 0);
        return okm;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
