package dev.apigw.runtime.auth;

import dev.apigw.runtime.spi.AuthorizerResultStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Lambda authorizer result caches of one REST API (reference 8.3, 9.3), one per authorizer and
 * TTL, kept apart from the compiled deployments so that they outlive a redeploy: every deployment
 * of the API, a stage's canary and each {@code Api} a redeploy or rollback returns, compiles its
 * authorizers against the same caches, so a caller's cached answer keeps serving, as a stage's
 * authorizer cache does on AWS until its TTL ends or FlushStageAuthorizersCache. An authorizer
 * whose TTL changed gets a new cache. With the account's {@link AuthorizerResultStore} ({@link
 * #shared}), the answers live in that store under the API's id, shared by every JVM using it.
 * Thread-safe.
 */
public final class AuthorizerCaches {
    private final Map<Key, AuthorizerResultCache<?>> caches = new ConcurrentHashMap<>();
    private final AuthorizerResultStore store;
    private final String apiId;

    private record Key(String authorizerId, int ttlSeconds, Class<?> answers) {}

    private AuthorizerCaches(AuthorizerResultStore store, String apiId) {
        this.store = store;
        this.apiId = apiId;
    }

    /** Returns the caches of a new API: none yet, each to be kept in this JVM's memory. */
    public static AuthorizerCaches create() {
        return new AuthorizerCaches(null, null);
    }

    /** Returns the caches of a new API whose answers live in the account's {@code store}. */
    public static AuthorizerCaches shared(AuthorizerResultStore store, String apiId) {
        return new AuthorizerCaches(Objects.requireNonNull(store), Objects.requireNonNull(apiId));
    }

    /** Returns the cache of a REST authorizer with this TTL, made on first use. */
    AuthorizerResultCache<AuthorizerAnswer> of(String authorizerId, int ttlSeconds) {
        return of(authorizerId, ttlSeconds, AuthorizerAnswer.class, AuthorizerAnswer::parse);
    }

    /**
     * Returns the cache of an authorizer with this TTL holding answers of a type, which {@code
     * parser} reads from a function's payload (for a shared cache).
     */
    @SuppressWarnings("unchecked") // the key names the type of the answers the cache holds
    <A> AuthorizerResultCache<A> of(
            String authorizerId, int ttlSeconds, Class<A> answers, Function<byte[], A> parser) {
        return (AuthorizerResultCache<A>)
                caches.computeIfAbsent(
                        new Key(authorizerId, ttlSeconds, answers),
                        k ->
                                store == null
                                        ? AuthorizerResultCache.<A>of(ttlSeconds)
                                        : AuthorizerResultCache.shared(
                                                ttlSeconds,
                                                store,
                                                apiId,
                                                authorizerId
                                                        + ":"
                                                        + ttlSeconds
                                                        + ":"
                                                        + answers.getSimpleName(),
                                                parser));
    }

    /**
     * Drops every cached answer of one stage, its canary's included (FlushStageAuthorizersCache,
     * reference 9.3).
     */
    public void flushStage(String stageName) {
        if (store != null) {
            store.flush(apiId, stageName);
            return;
        }
        caches.values().forEach(cache -> cache.flush(stageName));
    }
}
