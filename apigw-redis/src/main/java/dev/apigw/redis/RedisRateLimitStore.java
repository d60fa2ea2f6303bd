package dev.apigw.redis;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.spi.RateLimitStore;
import dev.apigw.runtime.spi.TokenBucketLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link RateLimitStore} whose token buckets live in Redis, through Bucket4j's Lettuce proxy
 * manager (compare-and-swap scripts), so that every JVM pointed at one Redis takes from the same
 * buckets (reference 9.4). The buckets are those of the in-memory store: the same {@link
 * TokenBucketLimits} mapping, the same names (under the stores' key prefix, {@code
 * apigw:bucket:NAME}), refilled by the store's clock. A bucket's key expires once the bucket would
 * be full again plus a margin, so idle buckets leave Redis.
 *
 * <p>Requests of one JVM on one bucket at the same time are batched into one compare-and-swap
 * (Bucket4j's batching optimization, exact), so a hot bucket (the account's, which every request
 * takes from) costs about one round trip per batch rather than a retry per thread. Each JVM imposes
 * its limits on a bucket when it first uses it and when they change (a redeploy), keeping the
 * bucket's tokens up to the new capacity. When Redis fails (down, or slower than the command
 * timeout), {@link FailurePolicy#OPEN} admits and {@link FailurePolicy#CLOSED} refuses (429
 * THROTTLED); the failure is counted ({@link #failureCount()}). Thread-safe.
 */
public final class RedisRateLimitStore implements RateLimitStore {
    private final ProxyManager<String> buckets;
    private final String keyPrefix;
    private final FailurePolicy policy;
    private final StoreFailures failures;
    private final ConcurrentMap<String, Limited> known = new ConcurrentHashMap<>();

    RedisRateLimitStore(
            ProxyManager<String> buckets,
            String keyPrefix,
            FailurePolicy policy,
            StoreFailures failures) {
        this.buckets = buckets;
        this.keyPrefix = keyPrefix;
        this.policy = policy;
        this.failures = failures;
    }

    @Override
    public boolean tryConsume(String key, ThrottleSettings limits) {
        if (TokenBucketLimits.of(limits).admitsNothing()) {
            return false;
        }
        try {
            boolean taken = bucket(key, limits).tryConsume(1);
            failures.succeeded();
            return taken;
        } catch (RuntimeException e) {
            failures.record(e);
            return policy == FailurePolicy.OPEN;
        }
    }

    /** Returns the number of Redis commands that failed since the store was created. */
    public long failureCount() {
        return failures.count();
    }

    /** Returns the Redis key of the bucket named {@code key}. */
    String redisKey(String key) {
        return keyPrefix + "bucket:" + key;
    }

    private BucketProxy bucket(String key, ThrottleSettings limits) {
        Limited limited = known.get(key);
        if (limited != null && limited.limits().equals(limits)) {
            return limited.bucket();
        }
        BucketConfiguration configuration = configuration(limits);
        BucketProxy bucket =
                buckets.builder()
                        .withOptimization(Optimizations.batching())
                        .build(redisKey(key), () -> configuration);
        bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
        known.put(key, new Limited(limits, bucket));
        return bucket;
    }

    private static BucketConfiguration configuration(ThrottleSettings limits) {
        TokenBucketLimits bucket = TokenBucketLimits.of(limits);
        return BucketConfiguration.builder()
                .addLimit(
                        Bandwidth.builder()
                                .capacity(bucket.capacity())
                                .refillGreedy(bucket.refillTokens(), bucket.refillPeriod())
                                .initialTokens(bucket.capacity())
                                .build())
                .build();
    }

    private record Limited(ThrottleSettings limits, BucketProxy bucket) {}
}
