package dev.apigw.runtime.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.spi.UsageStore;
import dev.apigw.runtime.spi.UsageStore.DayUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-memory quota counters and daily usage (reference 8.2). */
class InMemoryUsageStoreTest {
    private static final LocalDate JAN1 = LocalDate.parse("2026-01-01");

    private final UsageStore store = UsageStore.inMemory();

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
        assertThatThrownBy(() -> store.setRemaining("p:k", JAN1, JAN1, 3, -1))
                .isInstanceOf(IllegalArgumentException.class);
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
        Instant first = Instant.parse("2026-01-01T10:00:00Z");

        assertThat(store.planStarted("plan", first)).isEqualTo(first);
        assertThat(store.planStarted("plan", first.plusSeconds(86_400))).isEqualTo(first);
    }

    /** Seeded random limits and thread counts: exactly the limit is admitted. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void tryConsume_eightThreads_admitExactlyTheLimit(long seed) throws Exception {
        int limit = 1 + new Random(seed).nextInt(500);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(
                    () -> {
                        start.await();
                        int admitted = 0;
                        for (int i = 0; i < 100; i++) {
                            if (store.tryConsume("p:k", JAN1, JAN1, limit)) {
                                admitted++;
                            }
                        }
                        return admitted;
                    });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> caller : callers) {
                results.add(pool.submit(caller));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Integer> result : results) {
                admitted += result.get();
            }
            assertThat(admitted).isEqualTo(Math.min(limit, 800));
            assertThat(store.usage("p:k", JAN1, JAN1).get(JAN1).used()).isEqualTo(admitted);
        } finally {
            pool.shutdownNow();
        }
    }
}
