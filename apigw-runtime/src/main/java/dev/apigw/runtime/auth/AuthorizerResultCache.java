package dev.apigw.runtime.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.apigw.runtime.spi.AuthorizerResultStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The result cache of one Lambda authorizer (reference 8.3, 9.3 "Authorizer cache flush"): the
 * answers of its function, keyed by the stage and the identity (the token of a TOKEN authorizer,
 * the values of every identity source of a REQUEST one), each kept for {@code
 * authorizerResultTtlInSeconds}. Time is the request's, read from the account's injected clock: an
 * entry stored at {@code t} answers requests before {@code t + ttl} and is dropped by the first one
 * after. At most {@link #MAX_ENTRIES} entries are held (Caffeine's size bound, least useful first),
 * so a flood of distinct tokens cannot fill the memory. A TTL of 0 caches nothing.
 *
 * <p>With the account's {@link AuthorizerResultStore} ({@link #shared}), the answers live there
 * instead, as the function's payloads, parsed again on each hit, under {@code
 * AUTHORIZER:TTL:TYPE:HASH} where the hash is the SHA-256 of the identity (a store never sees a
 * token); a payload that no longer parses is a miss. Thread-safe.
 *
 * @param <A> the parsed answers: a REST authorizer's {@link AuthorizerAnswer}, an HTTP API one's
 *     {@link HttpAuthorizerAnswer}
 */
final class AuthorizerResultCache<A> {
    /** The most answers one authorizer keeps; more evict the least useful. */
    static final long MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Cache<Key, Entry<A>> entries;
    private final Shared<A> shared;

    /**
     * The key of one answer.
     *
     * @param stage the stage name
     * @param identity the token (a {@code String}) or the identity source values (a {@code List})
     */
    record Key(String stage, Object identity) {}

    private record Entry<A>(A answer, Instant expires) {}

    /** The account's store, the API, this cache's name in it, and how a payload is parsed. */
    private record Shared<A>(
            AuthorizerResultStore store, String apiId, String name, Function<byte[], A> parser) {}

    private AuthorizerResultCache(Duration ttl, long maxEntries, Shared<A> shared) {
        this.ttl = ttl;
        this.shared = ttl.isZero() ? null : shared;
        this.entries =
                ttl.isZero() || shared != null
                        ? null
                        : Caffeine.newBuilder()
                                .maximumSize(maxEntries)
                                .executor(Runnable::run)
                                .build();
    }

    /** Returns a cache keeping answers for {@code ttlSeconds} (0: caches nothing). */
    static <A> AuthorizerResultCache<A> of(int ttlSeconds) {
        return of(Duration.ofSeconds(ttlSeconds), MAX_ENTRIES);
    }

    /** Returns a cache keeping at most {@code maxEntries} answers for {@code ttl}. */
    static <A> AuthorizerResultCache<A> of(Duration ttl, long maxEntries) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative TTL " + ttl);
        }
        return new AuthorizerResultCache<>(ttl, maxEntries, null);
    }

    /**
     * Returns a cache keeping answers for {@code ttlSeconds} (0: caches nothing) in the account's
     * {@code store}, under the API and the authorizer's {@code name}, parsed by {@code parser}
     * (which throws {@link AuthorizerAnswer.Malformed} on a payload it refuses).
     */
    static <A> AuthorizerResultCache<A> shared(
            int ttlSeconds,
            AuthorizerResultStore store,
            String apiId,
            String name,
            Function<byte[], A> parser) {
        return new AuthorizerResultCache<>(
                Duration.ofSeconds(ttlSeconds),
                MAX_ENTRIES,
                new Shared<>(store, apiId, name, parser));
    }

    /** Returns whether this cache keeps anything (its TTL is not 0). */
    boolean isEnabled() {
        return entries != null || shared != null;
    }

    /** Returns the answer stored under {@code key} that is still fresh at {@code now}, or null. */
    A get(Key key, Instant now) {
        if (shared != null) {
            return shared.store()
                    .get(shared.apiId(), key.stage(), sharedKey(key), now)
                    .map(this::parseOrNull)
                    .orElse(null);
        }
        if (entries == null) {
            return null;
        }
        Entry<A> entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.expires())) {
            entries.asMap().remove(key, entry);
            return null;
        }
        return entry.answer();
    }

    /**
     * Stores an answer given at {@code now} and the function's {@code payload} it was parsed from;
     * it serves until {@code now + ttl}.
     */
    void put(Key key, A answer, byte[] payload, Instant now) {
        if (shared != null) {
            shared.store().put(shared.apiId(), key.stage(), sharedKey(key), payload, now, ttl);
            return;
        }
        if (entries != null) {
            entries.put(key, new Entry<>(Objects.requireNonNull(answer), now.plus(ttl)));
        }
    }

    /**
     * Drops every answer of one stage (FlushStageAuthorizersCache, reference 9.3); a shared cache
     * leaves that to {@link AuthorizerCaches#flushStage}, once for every authorizer.
     */
    void flush(String stage) {
        if (entries != null) {
            entries.asMap().keySet().removeIf(key -> key.stage().equals(stage));
        }
    }

    private A parseOrNull(byte[] payload) {
        try {
            return shared.parser().apply(payload);
        } catch (AuthorizerAnswer.Malformed e) {
            return null;
        }
    }

    /** Returns the key of an answer in the account's store: this cache's name and a hash. */
    private String sharedKey(Key key) {
        StringBuilder identity = new StringBuilder();
        if (key.identity() instanceof List<?> values) {
            identity.append('r');
            for (Object value : values) {
                String text = String.valueOf(value);
                identity.append(text.length()).append(':').append(text);
            }
        } else {
            identity.append('t').append(key.identity());
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return shared.name()
                    + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Returns how many answers are held, expired ones not yet dropped included. */
    long size() {
        if (entries == null) {
            return 0;
        }
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
