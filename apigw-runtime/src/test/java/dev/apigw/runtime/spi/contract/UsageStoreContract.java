package dev.apigw.runtime.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.spi.UsageStore;
import dev.apigw.runtime.spi.UsageStore.DayUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link UsageStore} does (reference 8.2): exact per-period quota counters under any
 * concurrency, the daily {@code [used, remaining]} usage GetUsage reads for the last 366 days, the
 * remaining quota UpdateUsage sets, and the first time a plan was served. A store passes it by
 * extending it: the in-memory store in the runtime's tests, the Redis store in apigw-redis.
 */
public abstract class UsageStoreContract {
    /** A day the tests count on. */
    protected static final LocalDate JAN1 = LocalDate.parse("2026-01-01");

    private UsageStore store;

    /**
     * Returns a new store, empty of counters, keeping the usage of each counter's 366 last days.
     */
    protected abstract UsageStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** Returns the store under test. */
    protected UsageStore store() {
        return store;
    }

    private int consumeAll(String counter, LocalDate period, LocalDate day, long limit) {
        int admitted = 0;
        while (store.tryConsume(counter, period, day, limit)) {
            admitted++;
        }
        return admitted;
    }

    @Test
    void tryConsume_limitN_admitsNThenRefuses() {
        assertThat(consumeAll("p:k", JAN1, JAN1, 5)).isEqualTo(5);
        assertThat(store.usage("p:k", JAN1, JAN1)).containsEntry(JAN1, new DayUsage(5, 0));
    }

    @Test
    void tryConsume_newPeriod_startsFromZero() {
        consumeAll("p:k", JAN1, JAN1, 2);

        assertThat(consumeAll("p:k", JAN1.plusDays(1), JAN1.plusDays(1), 2)).isEqualTo(2);
    }

    @Test
    void tryConsume_daysOfOnePeriod_shareItsCount() {
        assertThat(consumeAll("p:k", JAN1, JAN1, 3)).isEqualTo(3);
        assertThat(store.tryConsume("p:k", JAN1, JAN1.plusDays(1), 3)).isFalse();
        assertThat(store.usage("p:k", JAN1, JAN1.plusDays(1)))
                .containsExactly(Map.entry(JAN1, new DayUsage(3, 0)));
    }

    @Test
    void tryConsume_eachDay_recordsUsedAndRemaining() {
        store.tryConsume("p:k", JAN1, JAN1, 10);
        store.tryConsume("p:k", JAN1, JAN1.plusDays(2), 10);
        store.tryConsume("p:k", JAN1, JAN1.plusDays(2), 10);

        assertThat(store.usage("p:k", JAN1, JAN1.plusDays(6)))
                .containsExactly(
                        Map.entry(JAN1, new DayUsage(1, 9)),
                        Map.entry(JAN1.plusDays(2), new DayUsage(2, 7)));
        assertThat(store.usage("p:k", JAN1.plusDays(1), JAN1.plusDays(1))).isEmpty();
        assertThat(store.usage("p:k", JAN1.plusDays(2), JAN1)).isEmpty();
        assertThat(store.usage("other", JAN1, JAN1)).isEmpty();
    }

    @Test
    void tryConsume_noQuota_countsUsageWithoutLimit() {
        assertThat(store.tryConsume("p:k", JAN1, JAN1, Long.MAX_VALUE)).isTrue();

        assertThat(store.usage("p:k", JAN1, JAN1))
                .containsEntry(JAN1, new DayUsage(1, Long.MAX_VALUE - 1));
    }

    @Test
    void tryConsume_otherCounter_countsApart() {
        consumeAll("p:a", JAN1, JAN1, 1);

        assertThat(store.tryConsume("p:b", JAN1, JAN1, 1)).isTrue();
    }

    @Test
    void tryConsume_limitZero_refusesEverything() {
        assertThat(store.tryConsume("p:k", JAN1, JAN1, 0)).isFalse();
        assertThat(store.usage("p:k", JAN1, JAN1)).isEmpty();
    }

    @Test
    void setRemaining_extendsOrEndsThePeriod() {
        consumeAll("p:k", JAN1, JAN1, 3);

        store.setRemaining("p:k", JAN1, JAN1, 3, 4);

        assertThat(consumeAll("p:k", JAN1, JAN1, 3)).isEqualTo(4);
        assertThat(store.usage("p:k", JAN1, JAN1)).containsEntry(JAN1, new DayUsage(7, 0));
        store.setRemaining("p:k", JAN1, JAN1, 3, 0);
        assertThat(store.tryConsume("p:k", JAN1, JAN1, 3)).isFalse();
        assertThatThrownBy(() -> store.setRemaining("p:k", JAN1, JAN1, 3, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setRemaining_dayWithoutRequests_recordsTheRemainingOnly() {
        store.setRemaining("p:k", JAN1, JAN1.plusDays(1), 10, 6);

        assertThat(store.usage("p:k", JAN1, JAN1.plusDays(1)))
                .containsExactly(Map.entry(JAN1.plusDays(1), new DayUsage(0, 6)));
    }

    @Test
    void usage_keepsTheLast366DaysOnly() {
        for (int d = 0; d < 1_000; d++) {
            LocalDate day = JAN1.plusDays(d);
            store.tryConsume("p:k", day, day, 10);
        }

        Map<LocalDate, DayUsage> all = store.usage("p:k", JAN1, JAN1.plusDays(999));

        assertThat(all).hasSize(366);
        assertThat(all.keySet().iterator().next()).isEqualTo(JAN1.plusDays(1_000 - 366));
    }

    @Test
    void planStarted_firstCallRecordsIt() {
        Instant first = Instant.parse("2026-01-01T10:00:00.123456789Z");

        assertThat(store.planStarted("plan", first)).isEqualTo(first);
        assertThat(store.planStarted("plan", first.plusSeconds(86_400))).isEqualTo(first);
        assertThat(store.planStarted("other", first.plusSeconds(1)))
                .isEqualTo(first.plusSeconds(1));
    }

    /** Seeded random limits: eight threads together admit exactly the limit. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void tryConsume_eightThreads_admitExactlyTheLimit(long seed) throws Exception {
        int limit = 1 + new Random(seed).nextInt(500);

        int admitted =
                Concurrently.countTrue(8, 100, () -> store.tryConsume("p:k", JAN1, JAN1, limit));

        assertThat(admitted).as("seed %d", seed).isEqualTo(Math.min(limit, 800));
        assertThat(store.usage("p:k", JAN1, JAN1).get(JAN1).used()).isEqualTo(admitted);
    }
}
