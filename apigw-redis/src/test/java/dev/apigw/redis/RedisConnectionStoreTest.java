package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import dev.apigw.runtime.spi.contract.ConnectionStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WebSocket connection records on Redis pass the connection store contract (reference 7.4), are
 * shared by two stores on one Redis, and expire a bit past the 2-hour maximum duration.
 */
class RedisConnectionStoreTest extends ConnectionStoreContract {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private RedisClients clients;
    private RedisStores stores;

    @Override
    protected ConnectionStore newStore() {
        clients = new RedisClients(REDIS.uri());
        stores = clients.open(clients.stores());
        return stores.connectionStore();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void put_recordExpiresTenMinutesPastTheMaximumDuration_touchKeepsTheExpiry() {
        ConnectionRecord record = record();
        store().put(record);
        store().touch(record.connectionId(), T0.plusSeconds(60));

        long ttl = clients.commands().ttl(stores.connectionStore().key(record.connectionId()));

        assertThat(ttl)
                .isBetween(
                        Duration.ofMinutes(130).toSeconds() - 5,
                        Duration.ofMinutes(130).toSeconds());
    }

    @Test
    void twoStoresOnOneRedis_seeAndRemoveEachOthersRecords() {
        ConnectionStore other = clients.open(clients.stores()).connectionStore();
        ConnectionRecord record = record();
        store().put(record);

        other.touch(record.connectionId(), T0.plusSeconds(9));

        assertThat(store().get(record.connectionId()))
                .contains(record.withLastActiveAt(T0.plusSeconds(9)));
        assertThat(other.remove(record.connectionId())).isPresent();
        assertThat(store().remove(record.connectionId())).isEmpty();
    }
}
