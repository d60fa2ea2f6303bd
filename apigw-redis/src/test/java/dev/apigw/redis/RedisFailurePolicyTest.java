package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.CacheCluster;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis down, slow and back (reference 9.4, best effort): the failure policy answers within the
 * command timeout, failures are counted and metered, and the stores work again once Redis returns.
 * The tests stop, start and pause the redis-server process this class runs ({@link
 * RedisServer#ownProcess()}, never the shared Redis of {@code APIGW_REDIS_URL}), and start it again
 * after each test.
 */
class RedisFailurePolicyTest {
    @RegisterExtension static final RedisServer REDIS = RedisServer.ownProcess();

    private static final LocalDate DAY = LocalDate.parse("2026-12-05");
    private static final ThrottleSettings LIMITS = new ThrottleSettings(1_000, 1_000);
    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final CacheCluster CLUSTER = new CacheCluster("api/prod", 1_000_000);

    /** The longest a failing call may take: the timeout and a generous allowance for a busy CI. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    private final RedisClients clients = new RedisClients(REDIS.uri());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void closeClients() throws Exception {
        clients.close();
        REDIS.stop();
        REDIS.start();
    }

    private RedisStores open(FailurePolicy policy) {
        return clients.open(
                clients.stores()
                        .failurePolicy(policy)
                        .commandTimeout(TIMEOUT)
                        .meterRegistry(meters));
    }

    @Test
    void redisStopped_failOpen_admitsWithinTheTimeoutAndCounts() throws Exception {
        RedisStores stores = open(FailurePolicy.OPEN);
        assertThat(stores.rateLimitStore().tryConsume("a", LIMITS)).isTrue();

        REDIS.stop();

        assertThat(timed(() -> stores.rateLimitStore().tryConsume("a", LIMITS))).isTrue();
        assertThat(timed(() -> stores.usageStore().tryConsume("p:k", DAY, DAY, 1))).isTrue();
        assertThat(stores.rateLimitStore().failureCount()).isEqualTo(1);
        assertThat(stores.usageStore().failureCount()).isEqualTo(1);
        assertThat(meters.get("apigw.redis.failures").tag("store", "usage").counter().count())
                .isEqualTo(1);
        assertThatThrownBy(() -> stores.usageStore().usage("p:k", DAY, DAY))
                .isInstanceOf(RedisException.class);

        REDIS.start();

        awaitTrue(
                () -> {
                    long failures = stores.usageStore().failureCount();
                    stores.usageStore().tryConsume("p:k", DAY, DAY, 1);
                    return stores.usageStore().failureCount() == failures;
                });
        // the restarted Redis kept nothing: the call that succeeded used the quota of 1
        assertThat(stores.usageStore().tryConsume("p:k", DAY, DAY, 1)).isFalse();
    }

    @Test
    void redisStopped_failClosed_refusesWithinTheTimeoutThenRecovers() throws Exception {
        RedisStores stores = open(FailurePolicy.CLOSED);
        assertThat(stores.rateLimitStore().tryConsume("a", LIMITS)).isTrue();
        assertThat(stores.usageStore().tryConsume("p:k", DAY, DAY, 5)).isTrue();

        REDIS.stop();

        assertThat(timed(() -> stores.rateLimitStore().tryConsume("a", LIMITS))).isFalse();
        assertThat(timed(() -> stores.usageStore().tryConsume("p:k", DAY, DAY, 5))).isFalse();
        assertThat(stores.rateLimitStore().failureCount()).isEqualTo(1);

        REDIS.start();

        awaitTrue(() -> stores.rateLimitStore().tryConsume("a", LIMITS));
        awaitTrue(() -> stores.usageStore().tryConsume("p:k", DAY, DAY, 5));
    }

    @Test
    void redisStopped_responseCache_missesWithinTheTimeoutWhateverThePolicy() throws Exception {
        RedisStores stores = open(FailurePolicy.CLOSED);
        RedisResponseCacheStore cache = stores.responseCacheStore();
        cache.put(CLUSTER, "GET /pets", new byte[] {1}, Duration.ofMinutes(5));
        assertThat(cache.get(CLUSTER, "GET /pets")).isPresent();

        REDIS.stop();

        assertThat(timed(() -> cache.get(CLUSTER, "GET /pets").isEmpty())).isTrue();
        assertThat(
                        timed(
                                () -> {
                                    cache.put(CLUSTER, "k", new byte[] {2}, Duration.ofMinutes(5));
                                    cache.invalidate(CLUSTER, "k");
                                    return true;
                                }))
                .isTrue();
        assertThat(cache.failureCount()).isEqualTo(3);
        assertThatThrownBy(() -> cache.flush(CLUSTER)).isInstanceOf(RedisException.class);
        assertThat(
                        meters.get("apigw.redis.failures")
                                .tag("store", "response-cache")
                                .counter()
                                .count())
                .isEqualTo(4);

        REDIS.start();

        awaitTrue(
                () -> {
                    cache.put(CLUSTER, "k", new byte[] {3}, Duration.ofMinutes(5));
                    return cache.get(CLUSTER, "k").isPresent();
                });
    }

    @Test
    void redisStopped_authorizerCache_missesWithinTheTimeoutWhateverThePolicy() throws Exception {
        RedisAuthorizerResultStore answers = open(FailurePolicy.CLOSED).authorizerResultStore();
        Instant now = Instant.parse("2026-12-05T00:00:00Z");
        answers.put("api", "prod", "auth:300:h", new byte[] {1}, now, Duration.ofMinutes(5));
        assertThat(answers.get("api", "prod", "auth:300:h", now)).isPresent();

        REDIS.stop();

        assertThat(timed(() -> answers.get("api", "prod", "auth:300:h", now).isEmpty())).isTrue();
        answers.put("api", "prod", "k", new byte[] {2}, now, Duration.ofMinutes(5));
        assertThat(answers.failureCount()).isEqualTo(2);
        assertThatThrownBy(() -> answers.flush("api", "prod")).isInstanceOf(RedisException.class);

        REDIS.start();

        awaitTrue(
                () -> {
                    answers.put("api", "prod", "k", new byte[] {3}, now, Duration.ofMinutes(5));
                    return answers.get("api", "prod", "k", now).isPresent();
                });
    }

    @Test
    void redisSlow_failClosed_refusesAfterTheTimeout() {
        RedisStores stores = open(FailurePolicy.CLOSED);
        assertThat(stores.rateLimitStore().tryConsume("a", LIMITS)).isTrue();
        // every client's commands wait 1 s, then Redis answers them
        var admin = clients.commands();

        admin.clientPause(1_000);

        long start = System.nanoTime();
        assertThat(stores.usageStore().tryConsume("p:k", DAY, DAY, 5)).isFalse();
        assertThat(stores.rateLimitStore().tryConsume("b", LIMITS)).isFalse();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.multipliedBy(2)).isLessThan(BOUND);

        // a timed-out command still runs once Redis resumes: the attempts count, hence the limit
        awaitTrue(() -> stores.usageStore().tryConsume("p:k", DAY, DAY, 1_000));
    }

    @Test
    void close_thenCalls_answerByThePolicyAtOnce() {
        RedisStores stores =
                RedisStores.builder(REDIS.uri()).failurePolicy(FailurePolicy.CLOSED).build();
        Gateway gateway = stores.applyTo(Gateway.builder()).build();
        assertThat(gateway.rateLimitStore()).isSameAs(stores.rateLimitStore());
        assertThat(gateway.usageStore()).isSameAs(stores.usageStore());
        assertThat(gateway.responseCacheStore()).isSameAs(stores.responseCacheStore());

        stores.close();

        assertThat(timed(() -> gateway.rateLimitStore().tryConsume("a", LIMITS))).isFalse();
    }

    /** Runs {@code call}, checks it returned within {@link #BOUND}, and returns its answer. */
    private static boolean timed(BooleanSupplier call) {
        long start = System.nanoTime();
        boolean answer = call.getAsBoolean();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        return answer;
    }

    /**
     * Retries {@code condition} until it holds, for at most 15 seconds: Lettuce reconnects on its
     * own schedule (10 ms doubling to 1 s), which is the only wait here.
     */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("still failing after 15 s").isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
