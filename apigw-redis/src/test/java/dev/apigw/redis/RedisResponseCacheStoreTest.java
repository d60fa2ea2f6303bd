package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.CacheCluster;
import dev.apigw.runtime.spi.ResponseCacheStore;
import dev.apigw.runtime.spi.contract.ResponseCacheStoreContract;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stage cache entries on Redis pass the response cache store contract (reference 9.3), are
 * shared by two stores on one Redis, leave Redis with their TTL, and keep the accounting of a
 * cluster's budget equal to what the cluster holds.
 */
class RedisResponseCacheStoreTest extends ResponseCacheStoreContract {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private RedisClients clients;
    private RedisStores stores;

    @Override
    protected ResponseCacheStore newStore(Clock clock) {
        clients = new RedisClients(REDIS.uri());
        stores = clients.open(clients.stores().clock(clock));
        return stores.responseCacheStore();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void put_entryKey_expiresInRedisWithItsTtl() {
        store().put(prod, "GET /pets", bytes("v"), Duration.ofSeconds(300));
        RedisCommands<String, String> redis = clients.commands();

        long ttl = redis.pttl(stores.responseCacheStore().entryKey(prod, "GET /pets"));

        assertThat(ttl).isBetween(Duration.ofSeconds(295).toMillis(), 300_000L);
    }

    @Test
    void put_byOneStore_isServedByAnotherOnTheSameRedis() {
        ResponseCacheStore other = clients.open(clients.stores().clock(clock)).responseCacheStore();

        store().put(prod, "GET /pets", bytes("cached"), Duration.ofSeconds(60));

        assertThat(other.get(prod, "GET /pets"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("cached")));
        other.flush(prod);
        assertThat(store().get(prod, "GET /pets")).isEmpty();
    }

    @Test
    void putInvalidateAndEvict_keepTheClusterTotalEqualToItsEntries() {
        CacheCluster small = new CacheCluster("api/small", 10_000);
        RedisCommands<String, String> redis = clients.commands();
        long weight = 1_000 + 2L * "k-0".length() + RedisResponseCacheStore.ENTRY_OVERHEAD;

        for (int i = 0; i < 20; i++) {
            store().put(small, "k-" + (i % 10), new byte[1_000], Duration.ofMinutes(5));
        }
        long held = 0;
        for (int i = 0; i < 10; i++) {
            held += store().get(small, "k-" + i).isPresent() ? weight : 0;
        }
        assertThat(Long.parseLong(redis.get(stores.responseCacheStore().totalKey(small))))
                .isEqualTo(held)
                .isLessThanOrEqualTo(10_000);

        store().invalidate(small, "k-9");
        assertThat(Long.parseLong(redis.get(stores.responseCacheStore().totalKey(small))))
                .isEqualTo(held - weight);
    }

    @Test
    void put_entryLargerThanTheCluster_isNotKept() {
        CacheCluster tiny = new CacheCluster("api/tiny", 1_000);
        store().put(tiny, "k", bytes("small"), Duration.ofMinutes(5));

        store().put(tiny, "k", new byte[2_000], Duration.ofMinutes(5));

        assertThat(store().get(tiny, "k")).isEmpty();
    }
}
