package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.AuthorizerResultStore;
import dev.apigw.runtime.spi.contract.AuthorizerResultStoreContract;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lambda authorizer answers on Redis pass the authorizer result store contract (reference 8.3,
 * 9.3), are shared by two stores on one Redis, and leave Redis with their TTL.
 */
class RedisAuthorizerResultStoreTest extends AuthorizerResultStoreContract {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private RedisClients clients;
    private RedisStores stores;

    @Override
    protected AuthorizerResultStore newStore() {
        clients = new RedisClients(REDIS.uri());
        stores = clients.open(clients.stores());
        return stores.authorizerResultStore();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void put_byOneStore_isServedByAnother_andExpiresInRedis() {
        AuthorizerResultStore other = clients.open(clients.stores()).authorizerResultStore();
        byte[] payload = "{\"principalId\":\"u\"}".getBytes(StandardCharsets.UTF_8);

        store().put("api", "live", "auth:300:h", payload, T0, Duration.ofSeconds(300));

        assertThat(other.get("api", "live", "auth:300:h", T0))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(payload));
        RedisCommands<String, String> redis = clients.commands();
        String key = stores.authorizerResultStore().stageKey("api", "live") + "0:auth:300:h";
        assertThat(redis.pttl(key)).isBetween(295_000L, 300_000L);
    }
}
