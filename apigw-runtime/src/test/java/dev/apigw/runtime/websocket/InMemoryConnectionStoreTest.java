package dev.apigw.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory {@link ConnectionStore}: put, get, touch, and a remove that one caller wins. */
class InMemoryConnectionStoreTest {
    private static final Instant T0 = Instant.parse("2024-01-20T11:54:57Z");

    private static ConnectionRecord record(String id) {
        return new ConnectionRecord(
                id,
                "api",
                "prod",
                T0,
                T0,
                "10.0.0.1",
                "agent",
                Map.of("Host", List.of("h")),
                Map.of(),
                Map.of());
    }

    @Test
    void putGetTouchRemove() {
        ConnectionStore store = ConnectionStore.inMemory();
        store.put(record("a"));

        store.touch("a", T0.plusSeconds(3));
        store.touch("unknown", T0);

        assertThat(store.get("a")).map(ConnectionRecord::lastActiveAt).contains(T0.plusSeconds(3));
        assertThat(store.get("a"))
                .map(ConnectionRecord::headers)
                .contains(Map.of("Host", List.of("h")));
        assertThat(store.get("unknown")).isEmpty();
        assertThat(store.remove("a")).map(ConnectionRecord::connectionId).contains("a");
        assertThat(store.remove("a")).isEmpty();
        assertThat(store.get("a")).isEmpty();
    }

    @Test
    void ofConcurrentRemovesOneGetsTheRecord() throws Exception {
        ConnectionStore store = new InMemoryConnectionStore();
        store.put(record("a"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger winners = new AtomicInteger();
        try {
            List<Future<?>> tasks =
                    java.util.stream.IntStream.range(0, 8)
                            .mapToObj(
                                    i ->
                                            pool.submit(
                                                    () -> {
                                                        start.await();
                                                        store.remove("a")
                                                                .ifPresent(
                                                                        r ->
                                                                                winners
                                                                                        .incrementAndGet());
                                                        return null;
                                                    }))
                            .<Future<?>>map(f -> f)
                            .toList();
            start.countDown();
            for (Future<?> task : tasks) {
                task.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasValue(1);
    }
}
