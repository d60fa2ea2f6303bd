package dev.apigw.runtime.cache;

import dev.apigw.model.CanarySettings;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.auth.CacheInvalidation;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RequestRecord.CacheStatus;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.spi.CacheCluster;
import dev.apigw.runtime.spi.ResponseCacheStore;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers from the stage cache (reference 9.3) when the stage has {@code cacheClusterEnabled} and
 * the method caches ({@link MethodCaching}): a hit is the response as the method response step
 * produced it (status, headers, body) and skips the integration; a miss calls it and stores its
 * answer for the TTL, unless the entry would pass 1,048,576 bytes. Every answer the integration
 * path returns is stored, whatever its status (a backend's 4xx or 5xx too, as users report AWS
 * does); gateway responses (throttled, invalid, failed integrations) are never stored. Entries are
 * keyed by {@link CacheKey} in the cluster of the API's stage ({@link CacheClusters}); with {@code
 * cacheDataEncrypted} they are stored AES-GCM encrypted ({@link EntryCipher}). A canary request
 * uses the cache only with the canary's {@code useStageCache} (reference 9.2). The step records HIT
 * or MISS for {@code CacheHitCount}/{@code CacheMissCount} (reference 10.1).
 *
 * <p>{@code Cache-Control: max-age=0} asks to invalidate the entry: without {@code
 * requireAuthorizationForCacheControl}, or for a caller allowed {@code execute-api:InvalidateCache}
 * ({@link CacheInvalidation}), the backend answers and replaces the entry; otherwise {@code
 * unauthorizedCacheControlHeaderStrategy} decides: {@code FAIL_WITH_403} answers 403, {@code
 * SUCCEED_WITH_RESPONSE_HEADER} ignores the header and adds a {@code Warning}, {@code
 * SUCCEED_WITHOUT_RESPONSE_HEADER} ignores it silently. So a client sending the header on every
 * request does not defeat the cache unless it is authorized.
 */
public final class CacheStep implements Step {
    /** The largest entry the cache keeps (reference 9.3). */
    static final int MAX_ENTRY_BYTES = 1_048_576;

    /** The value of the {@code Warning} header an ignored {@code Cache-Control} gets. */
    static final String UNAUTHORIZED_WARNING =
            "199 Cache-control headers were ignored because the caller was unauthorized.";

    /** The message of the 403 an unauthorized invalidation gets with {@code FAIL_WITH_403}. */
    static final String UNAUTHORIZED_MESSAGE = "Unauthorized";

    private final SecureRandom nonces = new SecureRandom();

    @Override
    public Response apply(Exchange exchange, Chain next) {
        Optional<MethodCaching> caching =
                MethodCaching.of(exchange.stageSettings(), exchange.method());
        if (caching.isEmpty() || canaryBypasses(exchange)) {
            return next.proceed(exchange);
        }
        MethodCaching rules = caching.get();
        Entries entries = entries(exchange, rules);
        boolean warn = false;
        if (asksInvalidation(exchange)) {
            if (!rules.requireAuthorization() || CacheInvalidation.allowed(exchange)) {
                exchange.trace().add("cache", "Invalidating the cache entry as the client asked");
                entries.invalidate();
                return fetch(exchange, next, entries, rules);
            }
            UnauthorizedCacheControlHeaderStrategy strategy = rules.unauthorized();
            exchange.trace().add("cache", "Unauthorized cache invalidation: ", strategy);
            if (strategy == UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403) {
                throw GatewayException.of(GatewayResponseType.ACCESS_DENIED, UNAUTHORIZED_MESSAGE);
            }
            warn = strategy == UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER;
        }
        Optional<Response> hit = entries.get();
        Response response;
        if (hit.isPresent()) {
            exchange.record().cacheStatus(CacheStatus.HIT);
            exchange.trace().add("cache", "Sending the cached response");
            response = hit.get();
        } else {
            response = fetch(exchange, next, entries, rules);
        }
        return warn ? response.withHeaders("Warning", UNAUTHORIZED_WARNING) : response;
    }

    private static Response fetch(
            Exchange exchange, Chain next, Entries entries, MethodCaching rules) {
        exchange.record().cacheStatus(CacheStatus.MISS);
        Response response = next.proceed(exchange);
        if (!entries.put(response, rules)) {
            exchange.trace().add("cache", "Response not cached: larger than 1048576 bytes");
        }
        return response;
    }

    private static boolean canaryBypasses(Exchange exchange) {
        return exchange.isCanaryRequest()
                && !exchange.stageSettings()
                        .canarySettings()
                        .map(CanarySettings::useStageCache)
                        .orElse(false);
    }

    /** Returns whether the request carries {@code Cache-Control: max-age=0}. */
    private static boolean asksInvalidation(Exchange exchange) {
        for (String value : exchange.request().headers().values("Cache-Control")) {
            for (String directive : value.split(",")) {
                if (directive.trim().toLowerCase(Locale.ROOT).equals("max-age=0")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Entries entries(Exchange exchange, MethodCaching rules) {
        CacheCluster cluster = CacheClusters.of(exchange.state().apiId(), exchange.stageSettings());
        EntryCipher cipher =
                rules.encrypted()
                        ? new EntryCipher(exchange.gateway().cacheDataKey(cluster.id()), nonces)
                        : null;
        return new Entries(
                exchange.gateway().responseCacheStore(), cluster, CacheKey.of(exchange), cipher);
    }

    /** The request's entry in its cluster, encrypted by {@code cipher} unless it is null. */
    private record Entries(
            ResponseCacheStore store, CacheCluster cluster, String key, EntryCipher cipher) {
        Optional<Response> get() {
            Optional<byte[]> stored = store.get(cluster, key);
            if (cipher != null) {
                stored = stored.flatMap(cipher::decrypt);
            }
            return stored.map(ResponseCodec::decode);
        }

        /** Stores the response; returns false when it is too large to cache. */
        boolean put(Response response, MethodCaching rules) {
            byte[] entry = ResponseCodec.encode(response);
            if (cipher != null) {
                entry = cipher.encrypt(entry);
            }
            if (entry.length > MAX_ENTRY_BYTES) {
                return false;
            }
            store.put(cluster, key, entry, rules.ttl());
            return true;
        }

        void invalidate() {
            store.invalidate(cluster, key);
        }
    }
}
