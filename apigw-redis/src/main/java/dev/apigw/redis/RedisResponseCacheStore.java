package dev.apigw.redis;

import dev.apigw.runtime.spi.CacheCluster;
import dev.apigw.runtime.spi.ResponseCacheStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ResponseCacheStore} whose stage cache entries live in Redis, so that every JVM pointed
 * at one Redis serves the entries any of them wrote (reference 9.3). The runtime encodes, and with
 * {@code cacheDataEncrypted} encrypts, each response before it reaches the store: Redis holds
 * opaque bytes.
 *
 * <p>Each entry is a string key set with {@code PX ttl}, its value prefixed by its expiry instant
 * on the store's clock, which {@link #get} checks too, so an entry never serves after its time to
 * live by the account's clock either. A cluster's byte budget ({@link
 * CacheCluster#capacityBytes()}) is kept by per-cluster accounting in the same scripts: a hash of
 * each entry's weight (its bytes, its key twice and a fixed overhead), a counter of their sum, and
 * a sorted set of the entries by last use (a hit touches it); a put that would pass the budget
 * first evicts the least recently used entries. Expired entries stay counted until evicted, so the
 * sum never falls below what the cluster holds. The bookkeeping keys expire with the cluster's
 * longest-lived entry. A cluster's keys share a hash tag naming its id and capacity, so a resized
 * cluster starts empty and leaves the old entries to their TTLs.
 *
 * <p>Keys, under the stores' prefix: {@code cache:{ID#CAPACITY}:e:KEY} (an entry), {@code
 * cache:{ID#CAPACITY}:lru}, {@code :sizes}, {@code :total}. Each call is one Lua script. When Redis
 * fails, whatever the {@link FailurePolicy}, a read is a miss and a write or an invalidation is
 * skipped (the request is served by its integration), while {@link #flush} throws Lettuce's
 * exception (FlushStageCache then fails); every failure is counted ({@link #failureCount()}).
 * Thread-safe.
 */
public final class RedisResponseCacheStore implements ResponseCacheStore {
    /** What an entry costs besides its bytes and its key, as the in-memory store counts it. */
    static final int ENTRY_OVERHEAD = 96;

    /** The bookkeeping keys outlive the cluster's longest-lived entry by this. */
    private static final long BOOKKEEPING_MARGIN_MILLIS = 1_000;

    /** KEYS: entry, lru. ARGV: now, member. Returns the entry and marks it used. */
    private static final RedisScript GET =
            new RedisScript(
                    """
                    local v = redis.call('GET', KEYS[1])
                    if v then
                      redis.call('ZADD', KEYS[2], 'XX', ARGV[1], ARGV[2])
                    end
                    return v
                    """,
                    ScriptOutputType.VALUE);

    /**
     * KEYS: entry, lru, sizes, total. ARGV: value, ttl ms, now, member, weight, capacity, entry key
     * prefix, bookkeeping ttl ms. Returns 1 when stored, 0 when the entry alone passes the budget.
     */
    private static final RedisScript PUT =
            new RedisScript(
                    """
                    local weight = tonumber(ARGV[5])
                    local capacity = tonumber(ARGV[6])
                    local start = tonumber(redis.call('GET', KEYS[4]) or '0')
                    local total = start
                    local old = redis.call('HGET', KEYS[3], ARGV[4])
                    if old then
                      total = total - tonumber(old)
                      redis.call('HDEL', KEYS[3], ARGV[4])
                      redis.call('ZREM', KEYS[2], ARGV[4])
                      redis.call('DEL', KEYS[1])
                    end
                    local stored = 0
                    if weight <= capacity then
                      while total + weight > capacity do
                        local oldest = redis.call('ZPOPMIN', KEYS[2])
                        if #oldest == 0 then
                          total = 0
                          break
                        end
                        local w = redis.call('HGET', KEYS[3], oldest[1])
                        if w then
                          total = total - tonumber(w)
                          redis.call('HDEL', KEYS[3], oldest[1])
                        end
                        redis.call('DEL', ARGV[7] .. oldest[1])
                      end
                      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
                      redis.call('HSET', KEYS[3], ARGV[4], weight)
                      redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
                      total = total + weight
                      stored = 1
                    end
                    redis.call('INCRBY', KEYS[4], total - start)
                    for i = 2, 4 do
                      if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[8]) then
                        redis.call('PEXPIRE', KEYS[i], ARGV[8])
                      end
                    end
                    return stored
                    """,
                    ScriptOutputType.INTEGER);

    /** KEYS: entry, lru, sizes, total. ARGV: member. Removes the entry and its accounting. */
    private static final RedisScript INVALIDATE =
            new RedisScript(
                    """
                    local w = redis.call('HGET', KEYS[3], ARGV[1])
                    if w then
                      redis.call('HDEL', KEYS[3], ARGV[1])
                      redis.call('DECRBY', KEYS[4], w)
                    end
                    redis.call('ZREM', KEYS[2], ARGV[1])
                    return redis.call('DEL', KEYS[1])
                    """,
                    ScriptOutputType.INTEGER);

    /**
     * KEYS: lru, sizes, total. ARGV: entry key prefix. Deletes every entry of the cluster (500 keys
     * per DEL) and its accounting; returns how many entries were listed.
     */
    private static final RedisScript FLUSH =
            new RedisScript(
                    """
                    local members = redis.call('ZRANGE', KEYS[1], 0, -1)
                    for i = 1, #members, 500 do
                      local batch = {}
                      for j = i, math.min(i + 499, #members) do
                        batch[#batch + 1] = ARGV[1] .. members[j]
                      end
                      redis.call('DEL', unpack(batch))
                    end
                    redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
                    return #members
                    """,
                    ScriptOutputType.INTEGER);

    private final RedisCommands<String, byte[]> redis;
    private final Clock clock;
    private final String keyPrefix;
    private final StoreFailures failures;

    RedisResponseCacheStore(
            RedisCommands<String, byte[]> redis,
            Clock clock,
            String keyPrefix,
            StoreFailures failures) {
        this.redis = redis;
        this.clock = clock;
        this.keyPrefix = keyPrefix;
        this.failures = failures;
    }

    @Override
    public Optional<byte[]> get(CacheCluster cluster, String key) {
        long now = clock.millis();
        byte[] stored;
        try {
            stored =
                    GET.run(
                            redis,
                            new String[] {entryKey(cluster, key), lruKey(cluster)},
                            new byte[][] {number(now), utf8(key)});
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
            return Optional.empty();
        }
        if (stored == null || stored.length < Long.BYTES) {
            return Optional.empty();
        }
        long expires = ByteBuffer.wrap(stored).getLong();
        if (now >= expires) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(stored, Long.BYTES, stored.length));
    }

    @Override
    public void put(CacheCluster cluster, String key, byte[] entry, Duration ttl) {
        Objects.requireNonNull(key);
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        long now = clock.millis();
        long ttlMillis = Math.max(1, ttl.toMillis());
        byte[] value =
                ByteBuffer.allocate(Long.BYTES + entry.length)
                        .putLong(now + ttlMillis)
                        .put(entry)
                        .array();
        byte[] member = utf8(key);
        long weight = (long) entry.length + 2L * member.length + ENTRY_OVERHEAD;
        try {
            PUT.run(
                    redis,
                    keys(cluster, key),
                    new byte[][] {
                        value,
                        number(ttlMillis),
                        number(now),
                        member,
                        number(weight),
                        number(cluster.capacityBytes()),
                        utf8(entryKeyPrefix(cluster)),
                        number(ttlMillis + BOOKKEEPING_MARGIN_MILLIS)
                    });
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
        }
    }

    @Override
    public void invalidate(CacheCluster cluster, String key) {
        try {
            INVALIDATE.run(redis, keys(cluster, key), new byte[][] {utf8(key)});
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
        }
    }

    @Override
    public void flush(CacheCluster cluster) {
        String base = clusterKey(cluster);
        try {
            FLUSH.run(
                    redis,
                    new String[] {base + "lru", base + "sizes", base + "total"},
                    new byte[][] {utf8(entryKeyPrefix(cluster))});
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

    /** Returns the Redis key of an entry. */
    String entryKey(CacheCluster cluster, String key) {
        return entryKeyPrefix(cluster) + key;
    }

    /** Returns the Redis key of the sum of the cluster's entry weights. */
    String totalKey(CacheCluster cluster) {
        return clusterKey(cluster) + "total";
    }

    private String lruKey(CacheCluster cluster) {
        return clusterKey(cluster) + "lru";
    }

    private String entryKeyPrefix(CacheCluster cluster) {
        return clusterKey(cluster) + "e:";
    }

    private String clusterKey(CacheCluster cluster) {
        return keyPrefix + "cache:{" + cluster.id() + "#" + cluster.capacityBytes() + "}:";
    }

    private String[] keys(CacheCluster cluster, String key) {
        String base = clusterKey(cluster);
        return new String[] {entryKey(cluster, key), base + "lru", base + "sizes", base + "total"};
    }

    private static byte[] number(long value) {
        return utf8(Long.toString(value));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
