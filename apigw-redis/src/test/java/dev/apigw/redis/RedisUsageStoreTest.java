package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.UsageStore;
import dev.apigw.runtime.spi.UsageStore.DayUsage;
import dev.apigw.runtime.spi.contract.UsageStoreContract;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The quota counters and daily usage on Redis pass the usage store contract (reference 8.2), are
 * shared by two stores on one Redis, and expire.
 */
class RedisUsageStoreTest extends UsageStoreContract {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private RedisClients clients;
    private RedisStores stores;

    @Override
    protected UsageStore newStore() {
        clients = new RedisClients(REDIS.uri());
        stores = clients.open(clients.stores());
        return stores.usageStore();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void tryConsume_periodKey_expiresAfterTheLongestPeriodPlusADay() {
        store().tryConsume("p:k", JAN1, JAN1, 10);
        RedisCommands<String, String> redis = clients.commands();
        RedisUsageStore usage = stores.usageStore();

        assertThat(redis.ttl(usage.periodKey("p:k", JAN1)))
                .isBetween(Duration.ofDays(32).toSeconds() - 5, Duration.ofDays(32).toSeconds());
        assertThat(redis.ttl(usage.usageKey("p:k")))
                .isBetween(Duration.ofDays(367).toSeconds() - 5, Duration.ofDays(367).toSeconds());
        assertThat(redis.ttl(usage.daysKey("p:k"))).isPositive();
    }

    @Test
    void tryConsume_twoStoresOnOneRedis_shareTheQuota() throws Exception {
        UsageStore other = clients.open(clients.stores()).usageStore();

        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            if ((i % 2 == 0 ? store() : other).tryConsume("p:k", JAN1, JAN1, 7)) {
                admitted++;
            }
        }

        assertThat(admitted).isEqualTo(7);
        assertThat(other.usage("p:k", JAN1, JAN1)).containsEntry(JAN1, new DayUsage(7, 0));
        assertThat(other.planStarted("plan", java.time.Instant.EPOCH))
                .isEqualTo(store().planStarted("plan", java.time.Instant.EPOCH.plusSeconds(1)));
    }
}
