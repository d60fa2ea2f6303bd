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

    @Test
    void tryConsume_bucketOnlyThisStoreTakesFrom_costsOneCommandPerToken() {
        ThrottleSettings limits = new ThrottleSettings(1_000, 1);
        store().tryConsume("one-trip", limits);
        RedisCommands<String, String> redis = clients.commands();
        long evalshaBefore = calls(redis, "evalsha");
        long getBefore = calls(redis, "get");

        for (int i = 0; i < 20; i++) {
            assertThat(store().tryConsume("one-trip", limits)).isTrue();
        }

        // one EVALSHA a token, whose script reads the bucket once: no GET of its own
        // (BucketStateCommands; Bucket4j's GET and swap would count 40 GETs)
        assertThat(calls(redis, "evalsha") - evalshaBefore).isEqualTo(20);
        assertThat(calls(redis, "get") - getBefore).isEqualTo(20);
        assertThat(stores.rateLimitStore().failureCount()).isZero();
    }

    @Test
    void tryConsume_emptyBucketRemembered_refusesWithoutACommand() {
        ThrottleSettings limits = new ThrottleSettings(2, 1);
        store().tryConsume("empty", limits);
        store().tryConsume("empty", limits);
        RedisCommands<String, String> redis = clients.commands();
        long evalshaBefore = calls(redis, "evalsha");
        long getBefore = calls(redis, "get");

        assertThat(store().tryConsume("empty", limits)).isFalse();

        assertThat(calls(redis, "evalsha") - evalshaBefore).isZero();
        assertThat(calls(redis, "get") - getBefore).isZero();
    }

    @Test
    void tryConsume_bucketLostByRedis_refusesUntilATokenRefillsThenStartsFull() {
        ThrottleSettings limits = new ThrottleSettings(3, 1);
        for (int i = 0; i < 3; i++) {
            store().tryConsume("lost", limits);
        }
        clients.commands().del(stores.rateLimitStore().redisKey("lost"));

        // the remembered state is empty: refused as before (BucketStateCommands' one exception)
        assertThat(store().tryConsume("lost", limits)).isFalse();

        clock.advance(Duration.ofSeconds(1));
        int taken = 0;
        while (taken <= 3 && store().tryConsume("lost", limits)) {
            taken++;
        }

        // the swap finds no bucket: Bucket4j starts a full one
        assertThat(taken).isEqualTo(3);
        assertThat(stores.rateLimitStore().failureCount()).isZero();
    }

    /**
     * Returns how many times Redis has run {@code command}, from scripts too (its {@code INFO
     * commandstats}: {@code cmdstat_get:calls=N,...}).
     */
    private static long calls(RedisCommands<String, String> redis, String command) {
        String prefix = "cmdstat_" + command + ":calls=";
        return redis.info("commandstats")
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToLong(line -> Long.parseLong(line.substring(prefix.length()).split(",")[0]))
                .findFirst()
                .orElse(0);
    }
}
