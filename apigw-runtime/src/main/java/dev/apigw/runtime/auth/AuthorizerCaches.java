package dev.apigw.runtime.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lambda authorizer result caches of one REST API (reference 8.3, 9.3), one per authorizer and
 * TTL, kept apart from the compiled deployments so that they outlive a redeploy: every deployment
 * of the API, a stage's canary and each {@code Api} a redeploy or rollback returns, compiles its
 * authorizers against the same caches, so a caller's cached answer keeps serving, as a stage's
 * authorizer cache does on AWS until its TTL ends or FlushStageAuthorizersCache. An authorizer
 * whose TTL changed gets a new cache. Thread-safe.
 */
public final class AuthorizerCaches {
    private final Map<Key, AuthorizerResultCache<?>> caches = new ConcurrentHashMap<>();

    private record Key(String authorizerId, int ttlSeconds, Class<?> answers) {}

    private AuthorizerCaches() {}

    /** Returns the caches of a new API: none yet. */
    public static AuthorizerCaches create() {
        return new AuthorizerCaches();
    }

    /** Returns the cache of a REST authorizer with this TTL, made on first use. */
    AuthorizerResultCache<AuthorizerAnswer> of(String authorizerId, int ttlSeconds) {
        return of(authorizerId, ttlSeconds, AuthorizerAnswer.class);
    }

    /** Returns the cache of an authorizer with this TTL holding answers of a type. */
    @SuppressWarnings("unchecked") // the key names the type of the answers the cache holds
    <A> AuthorizerResultCache<A> of(String authorizerId, int ttlSeconds, Class<A> answers) {
        return (AuthorizerResultCache<A>)
                caches.computeIfAbsent(
                        new Key(authorizerId, ttlSeconds, answers),
                        k -> AuthorizerResultCache.<A>of(ttlSeconds));
    }

    /**
     * Drops every cached answer of one stage, its canary's included (FlushStageAuthorizersCache,
     * reference 9.3).
     */
    public void flushStage(String stageName) {
        caches.values().forEach(cache -> cache.flush(stageName));
    }
}
