package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.spi.RateLimitStore;
import dev.apigw.runtime.spi.contract.RateLimitStoreContract;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token buckets on Redis pass the rate limit store contract (reference 9.4) and expire. */
class RedisRateLimitStoreTest extends RateLimitStoreContract {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private RedisClients clients;
    private RedisStores stores;

    @Override
    protected RateLimitStore newStore(Clock clock) {
        clients = new RedisClients(REDIS.uri());
        stores =
                clients.open(
                        clients.stores().clock(clock).idleBucketMargin(Duration.ofSeconds(30)));
        return stores.rateLimitStore();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void tryConsume_bucketKey_expiresOnceFullAgainPlusMargin() {
        store().tryConsume("stage:GET /pets", new ThrottleSettings(10, 2));
        RedisCommands<String, String> redis = clients.commands();

        long ttl = redis.pttl(stores.rateLimitStore().redisKey("stage:GET /pets"));

        // one token taken refills in 0.5 s; the margin is 30 s
        assertThat(ttl).isBetween(25_000L, 30_500L);
    }

    @Test
    void tryConsume_twoStoresOnOneRedis_shareTheBucket() {
        ThrottleSettings limits = new ThrottleSettings(5, 1);
        RateLimitStore other = clients.open(clients.stores().clock(clock)).rateLimitStore();

        int taken = 0;
        for (int i = 0; i < 10; i++) {
            if ((i % 2 == 0 ? store() : other).tryConsume("shared", limits)) {
                taken++;
            }
        }

        assertThat(taken).isEqualTo(5);
        assertThat(stores.rateLimitStore().failureCount()).isZero();
    }
}
