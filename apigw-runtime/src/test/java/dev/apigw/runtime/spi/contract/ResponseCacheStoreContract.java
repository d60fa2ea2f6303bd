package dev.apigw.runtime.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.CacheCluster;
import dev.apigw.runtime.spi.ResponseCacheStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResponseCacheStore} does (reference 9.3): entries under their key and cluster,
 * each expiring by its own time to live on the store's clock (a read does not extend it), a
 * cluster's entries within its byte budget however many are put, flush of one cluster, invalidation
 * of one entry, and a resized cluster starting empty. A store passes it by extending it: the
 * in-memory store in the runtime's tests, the Redis store in apigw-redis.
 */
public abstract class ResponseCacheStoreContract {
    /** The clock the store under test reads; the tests move it. */
    protected final SettableClock clock = new SettableClock();

    /** A cluster of the largest size's order, which the tests never fill. */
    protected final CacheCluster prod = new CacheCluster("api/prod", 500_000_000L);

    private ResponseCacheStore store;

    /** Returns a new store, empty of entries, whose entries expire by the time of {@code clock}. */
    protected abstract ResponseCacheStore newStore(Clock clock);

    @BeforeEach
    void createStore() {
        store = newStore(clock);
    }

    /** Returns the store under test. */
    protected ResponseCacheStore store() {
        return store;
    }

    /** Returns the UTF-8 bytes of {@code text}. */
    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String text(CacheCluster cluster, String key) {
        return store.get(cluster, key).map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void get_beforeTtl_returnsEntry_afterTtl_returnsNothing() {
        store.put(prod, "k", bytes("v"), Duration.ofSeconds(300));

        clock.advance(Duration.ofSeconds(299));
        assertThat(text(prod, "k")).isEqualTo("v");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.get(prod, "k")).isEmpty();
    }

    @Test
    void get_entriesWithDifferentTtls_expireEachAtItsOwnTime() {
        store.put(prod, "short", bytes("s"), Duration.ofSeconds(10));
        store.put(prod, "long", bytes("l"), Duration.ofSeconds(3600));

        clock.advance(Duration.ofSeconds(11));

        assertThat(store.get(prod, "short")).isEmpty();
        assertThat(text(prod, "long")).isEqualTo("l");
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
    void get_neverPut_returnsNothing() {
        assertThat(store.get(prod, "absent")).isEmpty();
    }

    @Test
    void put_zeroTtl_keepsNothing() {
        store.put(prod, "k", bytes("v"), Duration.ZERO);

        assertThat(store.get(prod, "k")).isEmpty();
    }

    @Test
    void put_sameKey_replacesTheEntryAndItsTtl() {
        store.put(prod, "k", bytes("old"), Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(5));

        store.put(prod, "k", bytes("new"), Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));

        assertThat(text(prod, "k")).isEqualTo("new");
    }

    @Test
    void put_binaryEntry_returnsTheSameBytes() {
        byte[] entry = new byte[70_000];
        new Random(7).nextBytes(entry);

        store.put(prod, "bin", entry, Duration.ofSeconds(60));

        assertThat(store.get(prod, "bin")).hasValueSatisfying(v -> assertThat(v).isEqualTo(entry));
    }

    @Test
    void put_floodOfDistinctKeys_keepsTheClusterWithinItsByteBudget() {
        CacheCluster small = new CacheCluster("api/small", 64_000);
        Random random = new Random(13);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            byte[] entry = new byte[100 + random.nextInt(900)];
            random.nextBytes(entry);
            String key = "key-" + i + "-" + random.nextLong();
            keys.add(key);
            store.put(small, key, entry, Duration.ofHours(1));
        }

        long held = 0;
        for (String key : keys) {
            held += store.get(small, key).map(v -> v.length).orElse(0);
        }
        assertThat(held).isLessThanOrEqualTo(64_000).isPositive();
    }

    @Test
    void put_sameKeyManyTimes_countsItOnce() {
        CacheCluster small = new CacheCluster("api/small", 64_000);
        for (int i = 0; i < 500; i++) {
            store.put(small, "same", new byte[1_000], Duration.ofHours(1));
        }
        for (int i = 0; i < 10; i++) {
            store.put(small, "other-" + i, new byte[1_000], Duration.ofHours(1));
        }

        assertThat(store.get(small, "same")).isPresent();
        for (int i = 0; i < 10; i++) {
            assertThat(store.get(small, "other-" + i)).as("other-" + i).isPresent();
        }
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
        assertThat(text(other, "a")).isEqualTo("3");
    }

    @Test
    void flush_thenPut_cachesAgain() {
        store.put(prod, "a", bytes("1"), Duration.ofSeconds(60));
        store.flush(prod);

        store.put(prod, "a", bytes("2"), Duration.ofSeconds(60));

        assertThat(text(prod, "a")).isEqualTo("2");
    }

    @Test
    void invalidate_dropsOneEntry() {
        store.put(prod, "a", bytes("1"), Duration.ofSeconds(60));
        store.put(prod, "b", bytes("2"), Duration.ofSeconds(60));

        store.invalidate(prod, "a");
        store.invalidate(prod, "never-put");

        assertThat(store.get(prod, "a")).isEmpty();
        assertThat(text(prod, "b")).isEqualTo("2");
    }

    @Test
    void put_clusterResized_startsEmpty() {
        store.put(prod, "a", bytes("1"), Duration.ofSeconds(60));
        CacheCluster resized = new CacheCluster(prod.id(), 1_600_000_000L);

        store.put(resized, "b", bytes("2"), Duration.ofSeconds(60));

        assertThat(store.get(resized, "a")).isEmpty();
        assertThat(text(resized, "b")).isEqualTo("2");
    }

    @Test
    void get_keysOfOneClusterInAnother_returnNothing() {
        store.put(prod, "k", bytes("v"), Duration.ofSeconds(60));

        Optional<byte[]> elsewhere = store.get(new CacheCluster("api/test", 500_000_000L), "k");

        assertThat(elsewhere).isEmpty();
    }
}
