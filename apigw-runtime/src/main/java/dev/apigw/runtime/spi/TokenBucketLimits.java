package dev.apigw.runtime.spi;

import dev.apigw.model.ThrottleSettings;
import java.time.Duration;

/**
 * The token bucket of a throttle (reference 9.4) in the integral terms a token bucket library
 * takes: {@code capacity} tokens ({@code burstLimit}), refilled greedily by {@code refillTokens}
 * every {@code refillPeriod}. Every {@link RateLimitStore} maps {@link ThrottleSettings} through
 * {@link #of(ThrottleSettings)}, so buckets in memory and buckets in a shared store are the same
 * buckets.
 *
 * @param capacity the bucket's size and its initial tokens
 * @param refillTokens the tokens added per {@code refillPeriod}, spread greedily over it
 * @param refillPeriod the period of the refill
 */
public record TokenBucketLimits(long capacity, long refillTokens, Duration refillPeriod) {
    /** Bucket4j's highest refill rate, one token a nanosecond, in tokens a second. */
    private static final double MAX_RATE = 1_000_000_000;

    /**
     * Returns the bucket of a throttle: an integral rate refills {@code rateLimit} tokens a second;
     * a fractional one (e.g. 0.5) refills its rate times 1,000 tokens every 1,000 seconds, which is
     * the same greedy rate to a thousandth of a request per second. A rate above one token a
     * nanosecond, the most Bucket4j refills, is refilled at that most: no caller can tell the
     * difference.
     */
    public static TokenBucketLimits of(ThrottleSettings limits) {
        double rate = Math.min(limits.rateLimit(), MAX_RATE);
        long perSecond = (long) rate;
        boolean integral = perSecond == rate;
        long tokens = integral ? perSecond : Math.max(1, Math.round(rate * 1_000));
        Duration period = integral ? Duration.ofSeconds(1) : Duration.ofSeconds(1_000);
        return new TokenBucketLimits(limits.burstLimit(), tokens, period);
    }

    /**
     * Returns whether the bucket admits nothing: a {@code burstLimit} or {@code rateLimit} of 0
     * blocks every request (reference 9.4, unconfirmed), without a bucket.
     */
    public boolean admitsNothing() {
        return capacity == 0 || refillTokens == 0;
    }
}
