package dev.apigw.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.CacheCluster;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-memory stage cache entries (reference 9.3): per-entry TTL on the injected clock, the byte
 * budget of a cluster under a flood of keys, flush and invalidation, clusters kept apart.
 */
class InMemoryResponseCacheStoreTest {
    private final SettableClock clock = new SettableClock();
    private final InMemoryResponseCacheStore store = new InMemoryResponseCacheStore(clock);
    private final CacheCluster prod = new CacheCluster("api/prod", 500_000_000L);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void get_beforeTtl_returnsEntry_afterTtl_returnsNothing() {
        store.put(prod, "k", bytes("v"), Duration.ofSeconds(300));

        clock.advance(Duration.ofSeconds(299));
        assertThat(store.get(prod, "k"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v")));
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.get(prod, "k")).isEmpty();
    }

    @Test
    void get_entriesWithDifferentTtls_expireEachAtItsOwnTime() {
        store.put(prod, "short", bytes("s"), Duration.ofSeconds(10));
        store.put(prod, "long", bytes("l"), Duration.ofSeconds(3600));

        clock.advance(Duration.ofSeconds(11));

        assertThat(store.get(prod, "short")).isEmpty();
        assertThat(store.get(prod, "long")).isPresent();
    }

    @Test
    void get_readDoesNotExtendTtl() {
        store.put(prod, "k", bytes("v"), Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        store.get(prod, "k");

        clock.advance(Duration.ofSeconds(1));

        assertThat(store.get(prod, "k")).isEmpty();
    }

    @Test
    void put_floodOfDistinctKeys_staysWithinTheByteBudget() {
        CacheCluster small = new CacheCluster("api/small", 64_000);
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            byte[] entry = new byte[100 + random.nextInt(900)];
            random.nextBytes(entry);
            store.put(small, "key-" + i + "-" + random.nextLong(), entry, Duration.ofHours(1));
            if (i % 1_000 == 0) {
                assertThat(store.weightedSize(small)).isLessThanOrEqualTo(64_000);
            }
        }

        assertThat(store.weightedSize(small)).isLessThanOrEqualTo(64_000).isPositive();
    }

    @Test
    void flush_dropsEveryEntryOfTheClusterOnly() {
        CacheCluster other = new CacheCluster("api/other", 500_000_000L);
        store.put(prod, "a", bytes("1"), Duration.ofSeconds(60));
        store.put(prod, "b", bytes("2"), Duration.ofSeconds(60));
        store.put(other, "a", bytes("3"), Duration.ofSeconds(60));

        store.flush(prod);

        assertThat(store.get(prod, "a")).isEmpty();
        assertThat(store.get(prod, "b")).isEmpty();
        assertThat(store.get(other, "a"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("3")));
    }

    @Test
    void invalidate_dropsOneEntry() {
        store.put(prod, "a", bytes("1"), Duration.ofSeconds(60));
        store.put(prod, "b", bytes("2"), Duration.ofSeconds(60));

        store.invalidate(prod, "a");

        assertThat(store.get(prod, "a")).isEmpty();
        assertThat(store.get(prod, "b")).isPresent();
    }

    @Test
    void put_clusterResized_startsEmpty() {
        store.put(prod, "a", bytes("1"), Duration.ofSeconds(60));
        CacheCluster resized = new CacheCluster(prod.id(), 1_600_000_000L);

        store.put(resized, "b", bytes("2"), Duration.ofSeconds(60));

        assertThat(store.get(resized, "a")).isEmpty();
        assertThat(store.get(resized, "b")).isPresent();
    }

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
