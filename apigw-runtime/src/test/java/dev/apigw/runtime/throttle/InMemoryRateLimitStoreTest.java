package dev.apigw.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.spi.RateLimitStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-memory token buckets of throttling (reference 9.4), time from a settable clock. */
class InMemoryRateLimitStoreTest {
    private final SettableClock clock = new SettableClock();
    private final RateLimitStore store = RateLimitStore.inMemory(clock);

    private int takeAll(String key, ThrottleSettings limits) {
        int taken = 0;
        while (store.tryConsume(key, limits)) {
            taken++;
        }
        return taken;
    }

    @Test
    void tryConsume_newBucket_startsFullAtBurst() {
        assertThat(takeAll("a", new ThrottleSettings(7, 1))).isEqualTo(7);
    }

    @Test
    void tryConsume_afterTime_refillsGreedilyAtRate() {
        ThrottleSettings limits = new ThrottleSettings(10, 4);
        takeAll("a", limits);

        clock.advance(Duration.ofMillis(250));
        assertThat(takeAll("a", limits)).isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        assertThat(takeAll("a", limits)).isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        assertThat(takeAll("a", limits)).isEqualTo(10);
    }

    @Test
    void tryConsume_rateAboveOnePerNanosecond_admits() {
        ThrottleSettings limits = new ThrottleSettings(Integer.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(store.tryConsume("a", limits)).isTrue();
        assertThat(store.tryConsume("b", new ThrottleSettings(1, 1e15))).isTrue();
    }

    @Test
    void tryConsume_otherKey_hasItsOwnBucket() {
        ThrottleSettings limits = new ThrottleSettings(1, 1);
        assertThat(store.tryConsume("a", limits)).isTrue();
        assertThat(store.tryConsume("a", limits)).isFalse();
        assertThat(store.tryConsume("b", limits)).isTrue();
    }

    @Test
    void tryConsume_rateOrBurstZero_admitsNothing() {
        assertThat(store.tryConsume("a", new ThrottleSettings(5, 0))).isFalse();
        assertThat(store.tryConsume("b", new ThrottleSettings(0, 5))).isFalse();
    }

    @Test
    void tryConsume_changedLimits_keepsTokensUpToNewCapacity() {
        takeAll("a", new ThrottleSettings(3, 1));
        assertThat(store.tryConsume("a", new ThrottleSettings(10, 1))).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(takeAll("a", new ThrottleSettings(10, 1))).isEqualTo(2);
    }

    /**
     * Seeded random bursts and rates: after t seconds an emptied bucket holds min(b, floor(r*t)).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void tryConsume_randomLimits_refillsFloorOfRateTimesElapsed(long seed) {
        Random random = new Random(seed);
        int burst = 1 + random.nextInt(50);
        int rate = 1 + random.nextInt(20);
        int millis = random.nextInt(5_000);
        ThrottleSettings limits = new ThrottleSettings(burst, rate);
        assertThat(takeAll("k", limits)).isEqualTo(burst);

        clock.advance(Duration.ofMillis(millis));

        long expected = Math.min(burst, (long) rate * millis / 1_000);
        assertThat(takeAll("k", limits)).isEqualTo(expected);
    }

    /** A clock a test moves by hand. */
    private static final class SettableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
