package dev.apigw.runtime.pipeline;

import dev.apigw.model.ApiKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The account's API keys (reference 8.2), found by the value a caller sends without the lookup
 * telling an attacker how much of a guess was right: keys are indexed by the SHA-256 digest of
 * their value, so the map compares digests, and the value found is compared in constant time.
 * Immutable and thread-safe. Internal.
 */
public final class ApiKeys {
    private final Map<ByteBuffer, ApiKey> byDigest;

    private ApiKeys(Map<ByteBuffer, ApiKey> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    /** Returns the index of these keys; a later key with the same value replaces an earlier. */
    public static ApiKeys of(Collection<ApiKey> keys) {
        Map<ByteBuffer, ApiKey> byDigest = new HashMap<>();
        for (ApiKey key : keys) {
            byDigest.put(digest(key.value()), key);
        }
        return new ApiKeys(byDigest);
    }

    /** Returns the key whose value is {@code value}, if the account has one. */
    public Optional<ApiKey> find(String value) {
        ApiKey key = byDigest.get(digest(value));
        if (key == null
                || !MessageDigest.isEqual(
                        key.value().getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    private static ByteBuffer digest(String value) {
        try {
            return ByteBuffer.wrap(
                    MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
