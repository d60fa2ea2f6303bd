package dev.apigw.redis;

import dev.apigw.runtime.spi.AuthorizerResultStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AuthorizerResultStore} whose Lambda authorizer answers live in Redis, so that an answer
 * one JVM got serves the same caller on every JVM pointed at one Redis until its TTL (reference
 * 8.3, 9.3). Each payload is a string key set with {@code PX ttl}, its value prefixed by its expiry
 * instant on the caller's clock, which {@link #get} checks too.
 *
 * <p>Keys, under the stores' prefix: {@code authz:{API/STAGE}:gen} counts the stage's flushes, and
 * {@code authz:{API/STAGE}:GEN:KEY} holds a payload (the runtime's key names the authorizer, its
 * TTL and a hash of the identity, never the token). FlushStageAuthorizersCache increments the
 * generation, so the stage's older payloads are never read again and leave Redis with their TTLs
 * (at most an hour). When Redis fails, whatever the {@link FailurePolicy}, a read is a miss (the
 * authorizer is called) and a write is skipped, while {@link #flush} throws Lettuce's exception;
 * every failure is counted ({@link #failureCount()}). Thread-safe.
 */
public final class RedisAuthorizerResultStore implements AuthorizerResultStore {
    /** KEYS: generation. ARGV: payload key prefix, key. Returns the payload of this generation. */
    private static final RedisScript GET =
            new RedisScript(
                    """
                    local g = redis.call('GET', KEYS[1]) or '0'
                    return redis.call('GET', ARGV[1] .. g .. ':' .. ARGV[2])
                    """,
                    ScriptOutputType.VALUE);

    /** KEYS: generation. ARGV: payload key prefix, key, value, ttl ms. */
    private static final RedisScript PUT =
            new RedisScript(
                    """
                    local g = redis.call('GET', KEYS[1]) or '0'
                    redis.call('SET', ARGV[1] .. g .. ':' .. ARGV[2], ARGV[3], 'PX', ARGV[4])
                    return 1
                    """,
                    ScriptOutputType.INTEGER);

    private final RedisCommands<String, byte[]> redis;
    private final String keyPrefix;
    private final StoreFailures failures;

    RedisAuthorizerResultStore(
            RedisCommands<String, byte[]> redis, String keyPrefix, StoreFailures failures) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.failures = failures;
    }

    @Override
    public Optional<byte[]> get(String apiId, String stage, String key, Instant now) {
        byte[] stored;
        try {
            stored =
                    GET.run(
                            redis,
                            new String[] {generationKey(apiId, stage)},
                            new byte[][] {utf8(stageKey(apiId, stage)), utf8(key)});
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
            return Optional.empty();
        }
        if (stored == null || stored.length < Long.BYTES) {
            return Optional.empty();
        }
        if (now.toEpochMilli() >= ByteBuffer.wrap(stored).getLong()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(stored, Long.BYTES, stored.length));
    }

    @Override
    public void put(
            String apiId, String stage, String key, byte[] payload, Instant now, Duration ttl) {
        Objects.requireNonNull(key);
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        long ttlMillis = Math.max(1, ttl.toMillis());
        byte[] value =
                ByteBuffer.allocate(Long.BYTES + payload.length)
                        .putLong(now.toEpochMilli() + ttlMillis)
                        .put(payload)
                        .array();
        try {
            PUT.run(
                    redis,
                    new String[] {generationKey(apiId, stage)},
                    new byte[][] {
                        utf8(stageKey(apiId, stage)),
                        utf8(key),
                        value,
                        utf8(Long.toString(ttlMillis))
                    });
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
        }
    }

    @Override
    public void flush(String apiId, String stage) {
        try {
            redis.incr(generationKey(apiId, stage));
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
            throw e;
        }
    }

    /** Returns the number of Redis commands that failed since the store was created. */
    public long failureCount() {
        return failures.count();
    }

    /** Returns the prefix of the stage's keys. */
    String stageKey(String apiId, String stage) {
        return keyPrefix + "authz:{" + apiId + "/" + stage + "}:";
    }

    private String generationKey(String apiId, String stage) {
        return stageKey(apiId, stage) + "gen";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
