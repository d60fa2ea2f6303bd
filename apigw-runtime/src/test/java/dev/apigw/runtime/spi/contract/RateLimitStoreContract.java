package dev.apigw.runtime.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.spi.RateLimitStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link RateLimitStore} does (reference 9.4): greedy token buckets of {@code
 * burstLimit} tokens refilled at {@code rateLimit} a second, one per key, time from the store's
 * clock, each token taken once however many threads ask. A store passes it by extending it: the
 * in-memory store in the runtime's tests, the Redis store in apigw-redis.
 */
public abstract class RateLimitStoreContract {
    /** The clock the store under test reads; the tests move it. */
    protected final SettableClock clock = new SettableClock();

    private RateLimitStore store;

    /** Returns a new store, empty of buckets, whose buckets refill by the time of {@code clock}. */
    protected abstract RateLimitStore newStore(Clock clock);

    @BeforeEach
    void createStore() {
        store = newStore(clock);
    }

    /** Returns the store under test. */
    protected RateLimitStore store() {
        return store;
    }

    /**
     * Takes tokens until the store refuses one, and returns how many it gave; a store that would
     * give more than the burst is stopped one past it (a failing store answering fail-open must
     * fail the test, not hang it).
     */
    private int takeAll(String key, ThrottleSettings limits) {
        int taken = 0;
        while (taken <= limits.burstLimit() && store.tryConsume(key, limits)) {
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
    void tryConsume_fractionalRate_refillsAtThatRate() {
        ThrottleSettings limits = new ThrottleSettings(2, 0.5);
        assertThat(takeAll("a", limits)).isEqualTo(2);

        clock.advance(Duration.ofMillis(1_999));
        assertThat(store.tryConsume("a", limits)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(takeAll("a", limits)).isEqualTo(1);
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

    /** Eight threads on one bucket of N tokens, no time passing: exactly N are admitted. */
    @ParameterizedTest
    @ValueSource(ints = {1, 37, 250})
    void tryConsume_eightThreads_admitExactlyTheBurst(int burst) throws Exception {
        ThrottleSettings limits = new ThrottleSettings(burst, 1);

        int admitted = Concurrently.countTrue(8, 50, () -> store.tryConsume("shared", limits));

        assertThat(admitted).isEqualTo(Math.min(burst, 400));
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
        assertThat(takeAll("k", limits)).as("seed %d", seed).isEqualTo(expected);
    }
}
