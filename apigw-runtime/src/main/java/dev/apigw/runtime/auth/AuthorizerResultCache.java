package dev.apigw.runtime.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The result cache of one Lambda authorizer (reference 8.3, 9.3 "Authorizer cache flush"): the
 * answers of its function, keyed by the stage and the identity (the token of a TOKEN authorizer,
 * the values of every identity source of a REQUEST one), each kept for {@code
 * authorizerResultTtlInSeconds}. Time is the request's, read from the account's injected clock: an
 * entry stored at {@code t} answers requests before {@code t + ttl} and is dropped by the first one
 * after. At most {@link #MAX_ENTRIES} entries are held (Caffeine's size bound, least useful first),
 * so a flood of distinct tokens cannot fill the memory. A TTL of 0 caches nothing. Thread-safe.
 *
 * @param <A> the parsed answers: a REST authorizer's {@link AuthorizerAnswer}, an HTTP API one's
 *     {@link HttpAuthorizerAnswer}
 */
final class AuthorizerResultCache<A> {
    /** The most answers one authorizer keeps; more evict the least useful. */
    static final long MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Cache<Key, Entry<A>> entries;

    /**
     * The key of one answer.
     *
     * @param stage the stage name
     * @param identity the token (a {@code String}) or the identity source values (a {@code List})
     */
    record Key(String stage, Object identity) {}

    private record Entry<A>(A answer, Instant expires) {}

    private AuthorizerResultCache(Duration ttl, long maxEntries) {
        this.ttl = ttl;
        this.entries =
                ttl.isZero()
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
        return new AuthorizerResultCache<>(ttl, maxEntries);
    }

    /** Returns whether this cache keeps anything (its TTL is not 0). */
    boolean isEnabled() {
        return entries != null;
    }

    /** Returns the answer stored under {@code key} that is still fresh at {@code now}, or null. */
    A get(Key key, Instant now) {
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

    /** Stores an answer given at {@code now}; it serves until {@code now + ttl}. */
    void put(Key key, A answer, Instant now) {
        if (entries != null) {
            entries.put(key, new Entry<>(Objects.requireNonNull(answer), now.plus(ttl)));
        }
    }

    /** Drops every answer of one stage (FlushStageAuthorizersCache, reference 9.3). */
    void flush(String stage) {
        if (entries != null) {
            entries.asMap().keySet().removeIf(key -> key.stage().equals(stage));
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
