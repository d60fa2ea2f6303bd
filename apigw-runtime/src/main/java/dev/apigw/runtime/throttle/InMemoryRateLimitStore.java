package dev.apigw.runtime.throttle;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.spi.RateLimitStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link RateLimitStore}: Bucket4j local (lock-free) buckets in a concurrent map, with
 * Bucket4j's time read from the injected {@link Clock} (reference 9.4: a greedy token bucket of
 * {@code burstLimit} tokens refilled at {@code rateLimit} per second). Buckets are never evicted:
 * their number is bounded by the deployed methods, plans and keys. Thread-safe.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
    /** Bucket4j's highest refill rate, one token a nanosecond, in tokens a second. */
    private static final double MAX_RATE = 1_000_000_000;

    private final TimeMeter time;
    private final ConcurrentMap<String, Limited> buckets = new ConcurrentHashMap<>();

    /** Creates a store whose buckets refill by the time of {@code clock}. */
    public InMemoryRateLimitStore(Clock clock) {
        this.time = new ClockTimeMeter(Objects.requireNonNull(clock));
    }

    @Override
    public boolean tryConsume(String key, ThrottleSettings limits) {
        if (limits.burstLimit() == 0 || limits.rateLimit() == 0) {
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

    /**
     * Returns the bandwidth of a throttle: an integral rate refills {@code rateLimit} tokens a
     * second; a fractional one (e.g. 0.5) refills its rate times 1,000 tokens every 1,000 seconds,
     * which is the same greedy rate to a thousandth of a request per second. A rate above one token
     * a nanosecond, the most Bucket4j refills, is refilled at that most: no caller can tell the
     * difference.
     */
    private static Bandwidth bandwidth(ThrottleSettings limits) {
        double rate = Math.min(limits.rateLimit(), MAX_RATE);
        long perSecond = (long) rate;
        boolean integral = perSecond == rate;
        long tokens = integral ? perSecond : Math.max(1, Math.round(rate * 1_000));
        Duration period = integral ? Duration.ofSeconds(1) : Duration.ofSeconds(1_000);
        return Bandwidth.builder()
                .capacity(limits.burstLimit())
                .refillGreedy(tokens, period)
                .initialTokens(limits.burstLimit())
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
