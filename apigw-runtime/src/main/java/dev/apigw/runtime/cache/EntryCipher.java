package dev.apigw.runtime.cache;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts the entries of a stage with {@code cacheDataEncrypted} (reference 9.3): AES-GCM with the
 * stage's key, a fresh 12-byte nonce per entry written before the ciphertext, a 128-bit tag after
 * it. An entry that does not decrypt (the key changed) reads as absent.
 */
final class EntryCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    EntryCipher(SecretKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** Returns the nonce followed by the ciphertext and tag of {@code plain}. */
    byte[] encrypt(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plain, 0, plain.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Returns the plain bytes of an entry, or empty if it does not authenticate. */
    Optional<byte[]> decrypt(byte[] sealed) {
        if (sealed.length < NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            ByteBuffer in = ByteBuffer.wrap(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            ByteBuffer out = ByteBuffer.allocate(cipher.getOutputSize(in.remaining()));
            cipher.doFinal(in, out);
            return Optional.of(Arrays.copyOf(out.array(), out.position()));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
