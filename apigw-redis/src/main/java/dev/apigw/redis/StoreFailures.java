package dev.apigw.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the failures of one Redis store: the count ({@link #count()}), a Micrometer counter {@code
 * apigw.redis.failures} (tags {@code store}, {@code policy}) when the account has a registry, and a
 * warning logged at most once per interval with the failures since the last one, plus one line when
 * Redis answers again. Thread-safe; never throws.
 */
final class StoreFailures {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFailures.class);

    private final String store;
    private final String answer;
    private final long intervalNanos;
    private final Counter meter;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
    private final AtomicBoolean failing = new AtomicBoolean();

    StoreFailures(String store, FailurePolicy policy, Duration interval, MeterRegistry registry) {
        this(
                store,
                policy,
                policy == FailurePolicy.OPEN ? "fail-open (admit)" : "fail-closed (refuse)",
                interval,
                registry);
    }

    /**
     * Counts the failures of a store that answers them its own way, {@code answer} in the warning
     * (the response cache: a miss, whatever the policy).
     */
    StoreFailures(
            String store,
            FailurePolicy policy,
            String answer,
            Duration interval,
            MeterRegistry registry) {
        this.store = store;
        this.answer = answer;
        this.intervalNanos = interval.toNanos();
        this.meter =
                registry == null
                        ? null
                        : Counter.builder("apigw.redis.failures")
                                .description("Redis store commands that failed or timed out")
                                .tag("store", store)
                                .tag("policy", policy.name().toLowerCase(java.util.Locale.ROOT))
                                .register(registry);
    }

    /**
     * Records one failed command and logs it if no line was logged in the last interval; returns
     * whether it logged.
     */
    boolean record(RuntimeException failure) {
        count.incrementAndGet();
        unlogged.incrementAndGet();
        if (meter != null) {
            meter.increment();
        }
        long now = System.nanoTime();
        long next = nextLogNanos.get();
        if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + intervalNanos)) {
            failing.set(true);
            LOG.warn(
                    "Redis {} store: {} command(s) failed since the last report, answering"
                            + " {}: {}",
                    store,
                    unlogged.getAndSet(0),
                    answer,
                    failure.toString());
            return true;
        }
        return false;
    }

    /**
     * Notes a command that succeeded: logs once when it follows a logged warning, so there are at
     * most as many recovery lines as warnings.
     */
    void succeeded() {
        if (failing.get() && failing.compareAndSet(true, false)) {
            LOG.info(
                    "Redis {} store: Redis answers again ({} failed command(s) in all)",
                    store,
                    count());
        }
    }

    /** Returns the number of failed commands since the store was created. */
    long count() {
        return count.get();
    }
}
