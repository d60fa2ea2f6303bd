package dev.apigw.tests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for tests: it starts at a fixed instant and moves forward by {@code tick} each time it is
 * read, and counts its reads. Confined to one thread.
 */
final class TestClock extends Clock {
    private final Duration tick;
    private Instant now;
    private int reads;

    TestClock(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    /** Returns how many times the clock was read. */
    int reads() {
        return reads;
    }

    @Override
    public Instant instant() {
        Instant read = now;
        now = now.plus(tick);
        reads++;
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a TestClock is always UTC");
    }
}
