package dev.apigw.runtime.throttle;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.spi.RateLimitStore;
import dev.apigw.runtime.spi.TokenBucketLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link RateLimitStore}: Bucket4j local (lock-free) buckets in a concurrent map, with
 * Bucket4j's time read from the injected {@link Clock} (reference 9.4: a greedy token bucket of
 * {@code burstLimit} tokens refilled at {@code rateLimit} per second, mapped by {@link
 * TokenBucketLimits}). Buckets are never evicted: their number is bounded by the deployed methods,
 * plans and keys. Thread-safe.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
    private final TimeMeter time;
    private final ConcurrentMap<String, Limited> buckets = new ConcurrentHashMap<>();

    /** Creates a store whose buckets refill by the time of {@code clock}. */
    public InMemoryRateLimitStore(Clock clock) {
        this.time = new ClockTimeMeter(Objects.requireNonNull(clock));
    }

    @Override
    public boolean tryConsume(String key, ThrottleSettings limits) {
        if (TokenBucketLimits.of(limits).admitsNothing()) {
            return false;
        }
        Limited limited = buckets.computeIfAbsent(key, k -> newBucket(limits));
        if (!limited.limits().equals(limits)) {
            limited = buckets.compute(key, (k, old) -> reconfigured(old, limits));
        }
        return limited.bucket().tryConsume(1);
    }

    private Limited newBucket(ThrottleSettings limits) {
        Bucket bucket =
                Bucket.builder().addLimit(bandwidth(limits)).withCustomTimePrecision(time).build();
        return new Limited(limits, bucket);
    }

    private Limited reconfigured(Limited old, ThrottleSettings limits) {
        if (old == null) {
            return newBucket(limits);
        }
        if (old.limits().equals(limits)) {
            return old;
        }
        BucketConfiguration configuration =
                BucketConfiguration.builder().addLimit(bandwidth(limits)).build();
        old.bucket().replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
        return new Limited(limits, old.bucket());
    }

    /** Returns the Bucket4j bandwidth of a throttle, mapped by {@link TokenBucketLimits}. */
    private static Bandwidth bandwidth(ThrottleSettings limits) {
        TokenBucketLimits bucket = TokenBucketLimits.of(limits);
        return Bandwidth.builder()
                .capacity(bucket.capacity())
                .refillGreedy(bucket.refillTokens(), bucket.refillPeriod())
                .initialTokens(bucket.capacity())
                .build();
    }

    private record Limited(ThrottleSettings limits, Bucket bucket) {}

    /** Bucket4j's time over a {@link Clock}: nanoseconds since the epoch. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
