package dev.apigw.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.CacheCluster;
import dev.apigw.runtime.spi.ResponseCacheStore;
import dev.apigw.runtime.spi.contract.ResponseCacheStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-memory stage cache entries pass the response cache store contract (reference 9.3), and
 * weigh no more than a cluster's budget at any time under a flood of keys.
 */
class InMemoryResponseCacheStoreTest extends ResponseCacheStoreContract {
    @Override
    protected ResponseCacheStore newStore(Clock clock) {
        return new InMemoryResponseCacheStore(clock);
    }

    @Test
    void put_floodOfDistinctKeys_weighsWithinTheByteBudgetAfterEveryWrite() {
        InMemoryResponseCacheStore store = (InMemoryResponseCacheStore) store();
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
}
