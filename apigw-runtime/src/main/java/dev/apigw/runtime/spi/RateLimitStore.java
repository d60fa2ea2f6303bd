package dev.apigw.runtime.spi;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.throttle.InMemoryRateLimitStore;
import java.time.Clock;

/**
 * Holds the token buckets of throttling (reference 9.4): one bucket per key, of {@code burstLimit}
 * tokens refilled greedily at {@code rateLimit} tokens per second, one token per request. The
 * account object {@code Gateway} holds one store, so buckets survive a redeploy. The default keeps
 * them in memory ({@link #inMemory(Clock)}); a store shared by several JVMs (Bucket4j's proxy
 * managers, as in the module apigw-redis) can replace it, sizing its buckets by {@link
 * TokenBucketLimits} so that they are the same buckets.
 *
 * <p>Thread-safety: called concurrently from every thread handling requests, for the same key too;
 * an implementation must be thread-safe and take each token at most once (a bucket of {@code N}
 * tokens admits at most {@code N} requests before it refills), and must not block for long.
 */
@FunctionalInterface
public interface RateLimitStore {
    /**
     * Takes one token from the bucket named {@code key}, creating it full when it is new, at the
     * current time of the store's clock. A {@code rateLimit} or {@code burstLimit} of 0 admits
     * nothing (reference 9.4). When the limits of a key change (a redeploy with other settings),
     * the bucket takes the new limits and keeps its tokens up to the new capacity.
     *
     * @param key the bucket's name, e.g. {@code account}
     * @param limits the bucket's capacity and refill rate
     * @return whether a token was taken: {@code false} means the request is throttled
     */
    boolean tryConsume(String key, ThrottleSettings limits);

    /**
     * Returns a store keeping its buckets in this JVM's memory (Bucket4j local buckets), with time
     * from {@code clock}, so a test's manual clock drives the refill.
     */
    static RateLimitStore inMemory(Clock clock) {
        return new InMemoryRateLimitStore(clock);
    }
}
