package dev.apigw.runtime.spi;

import dev.apigw.runtime.cache.InMemoryResponseCacheStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Holds the entries of the stage caches (reference 9.3): opaque bytes under a string key, each with
 * its own time to live, grouped by {@link CacheCluster} (one per API stage with {@code
 * cacheClusterEnabled}). The runtime encodes (and, with {@code cacheDataEncrypted}, encrypts) a
 * response before {@link #put} and decodes it after {@link #get}, so a store never sees a response
 * object: a store over Redis can keep each entry as a byte string with {@code SET key value PX ttl}
 * and flush a cluster by its key prefix. The account object {@code Gateway} holds one store, so
 * entries survive a redeploy of the API, as on AWS. The default keeps them in memory ({@link
 * #inMemory(Clock)}).
 *
 * <p>Thread-safety: called concurrently from every thread handling requests, for the same key too;
 * an implementation must be thread-safe and must not block for long. A store may drop an entry
 * before its time (to stay within the cluster's capacity); it must never return an entry after its
 * time to live, nor one put under another key or cluster.
 */
public interface ResponseCacheStore {
    /**
     * Returns the entry under {@code key} in the cluster, if one was put and its time to live has
     * not passed.
     */
    Optional<byte[]> get(CacheCluster cluster, String key);

    /**
     * Puts an entry under {@code key}, replacing any, to live for {@code ttl} from now. The store
     * keeps the entries of a cluster within its {@link CacheCluster#capacityBytes()}, evicting
     * others if needed; a cluster whose capacity changed starts empty (AWS recreates a resized
     * cache).
     */
    void put(CacheCluster cluster, String key, byte[] entry, Duration ttl);

    /** Removes the entry under {@code key}, if any. */
    void invalidate(CacheCluster cluster, String key);

    /** Removes every entry of the cluster (FlushStageCache, reference 9.3). */
    void flush(CacheCluster cluster);

    /**
     * Returns a store keeping its entries in this JVM's memory on Caffeine: a weight-bounded cache
     * per cluster, weighing each entry by its bytes, expiring each by its own time to live on
     * {@code clock}, so a test's manual clock drives expiry.
     */
    static ResponseCacheStore inMemory(Clock clock) {
        return new InMemoryResponseCacheStore(clock);
    }
}
