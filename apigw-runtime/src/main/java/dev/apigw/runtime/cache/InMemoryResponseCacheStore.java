package dev.apigw.runtime.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.apigw.runtime.spi.CacheCluster;
import dev.apigw.runtime.spi.ResponseCacheStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link ResponseCacheStore}: one Caffeine cache per cluster, bounded by weight (the
 * cluster's capacity in bytes, reference 9.3: a budget, nothing is allocated up front), each entry
 * weighing its bytes plus its key and a fixed overhead, and expiring by its own time to live on the
 * injected {@link Clock}. Maintenance (eviction) runs in the calling thread, so the entries of a
 * cluster never stay above its budget once a write returns. A cluster whose capacity changes starts
 * empty, as a resized AWS cache does. Thread-safe.
 */
public final class InMemoryResponseCacheStore implements ResponseCacheStore {
    /** What an entry costs besides its bytes and its key: the entry, the map node, the array. */
    private static final int ENTRY_OVERHEAD = 96;

    private final Ticker ticker;
    private final ConcurrentMap<String, Partition> clusters = new ConcurrentHashMap<>();

    /** Creates a store whose entries expire by the time of {@code clock}. */
    public InMemoryResponseCacheStore(Clock clock) {
        Objects.requireNonNull(clock);
        this.ticker =
                () -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                };
    }

    @Override
    public Optional<byte[]> get(CacheCluster cluster, String key) {
        Partition partition = clusters.get(cluster.id());
        if (partition == null || partition.capacity != cluster.capacityBytes()) {
            return Optional.empty();
        }
        Entry entry = partition.entries.getIfPresent(key);
        return entry == null ? Optional.empty() : Optional.of(entry.bytes());
    }

    @Override
    public void put(CacheCluster cluster, String key, byte[] entry, Duration ttl) {
        Objects.requireNonNull(key);
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        partition(cluster).entries.put(key, new Entry(entry, ttl.toNanos()));
    }

    @Override
    public void invalidate(CacheCluster cluster, String key) {
        Partition partition = clusters.get(cluster.id());
        if (partition != null) {
            partition.entries.invalidate(key);
        }
    }

    @Override
    public void flush(CacheCluster cluster) {
        Partition partition = clusters.get(cluster.id());
        if (partition != null) {
            partition.entries.invalidateAll();
        }
    }

    /** Returns what the cluster's entries weigh together, in bytes; 0 for an unknown cluster. */
    long weightedSize(CacheCluster cluster) {
        Partition partition = clusters.get(cluster.id());
        if (partition == null) {
            return 0;
        }
        partition.entries.cleanUp();
        return partition.entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    private Partition partition(CacheCluster cluster) {
        Partition partition = clusters.get(cluster.id());
        if (partition != null && partition.capacity == cluster.capacityBytes()) {
            return partition;
        }
        return clusters.compute(
                cluster.id(),
                (id, old) ->
                        old != null && old.capacity == cluster.capacityBytes()
                                ? old
                                : new Partition(cluster.capacityBytes(), newCache(cluster)));
    }

    private Cache<String, Entry> newCache(CacheCluster cluster) {
        return Caffeine.newBuilder()
                .maximumWeight(cluster.capacityBytes())
                .weigher((String key, Entry entry) -> entry.weight(key))
                .expireAfter(new PerEntryTtl())
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    private record Partition(long capacity, Cache<String, Entry> entries) {}

    /** An entry's bytes and its time to live in nanoseconds. */
    private record Entry(byte[] bytes, long ttlNanos) {
        int weight(String key) {
            long weight = (long) bytes.length + 2L * key.length() + ENTRY_OVERHEAD;
            return (int) Math.min(Integer.MAX_VALUE, weight);
        }
    }

    /**
     * Expires each entry by its own time to live from its last write; a read does not extend it.
     */
    private static final class PerEntryTtl implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(
                String key, Entry entry, long currentTime, long currentDuration) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterRead(
                String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
