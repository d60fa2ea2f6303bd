package dev.apigw.redis;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * Bucket4j's time over a {@link Clock}: nanoseconds since the epoch. Bucket4j's Redis buckets take
 * their time from the client, so every JVM of a fleet must run a synchronised clock.
 */
record ClockTimeMeter(Clock clock) implements TimeMeter {
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
