package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.redis.RedisServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local server processes (the jar) on a Redis stopped mid-test and restarted (issue 16; reference
 * 9.3, 9.4): {@code --redis-fail open} serves (the cache misses), {@code closed} refuses every
 * request with 429 (the throttles' buckets are on Redis), no request waits past a bound, and
 * service and sharing resume. The tests stop and start the redis-server process this class runs
 * ({@link RedisServer#ownProcess()}, never the shared Redis of {@code APIGW_REDIS_URL}); skipped
 * without a {@code redis-server}.
 */
class RedisFleetRestartIT {
    @RegisterExtension static final RedisServer REDIS = RedisServer.ownProcess();

    /** The longest a request may take while Redis is down: far above the 100 ms timeout. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir Path dir;
    private RedisFleet fleet;
    private boolean redisStopped;

    @BeforeEach
    void openFleet() throws Exception {
        fleet = RedisFleet.open(REDIS.uri(), dir);
    }

    @AfterEach
    void closeFleet() throws Exception {
        fleet.close();
        if (redisStopped) {
            REDIS.start();
        }
    }

    @Test
    void redisStoppedAndRestarted_failOpen_servesWithinTheBoundThenSharesAgain() throws Exception {
        String first = fleet.serve();
        String second = fleet.serve();
        assertThat(fleet.getCached(first).body()).isEqualTo("call 1");

        REDIS.stop();
        redisStopped = true;

        assertThat(timed(() -> fleet.postQuota(first)).statusCode()).isEqualTo(200);
        HttpResponse<String> miss = timed(() -> fleet.getCached(second));
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.body()).isEqualTo("call 2");

        REDIS.start();
        redisStopped = false;

        awaitTrue(
                () -> {
                    String written = fleet.getCached(first).body();
                    int calls = fleet.backendCalls().get();
                    String served = fleet.getCached(second).body();
                    return served.equals(written) && fleet.backendCalls().get() == calls;
                });
        assertThat(fleet.postQuota(second).statusCode()).isEqualTo(200);
    }

    @Test
    void redisStoppedAndRestarted_failClosed_refusesTheQuotaThenAdmitsAgain() throws Exception {
        ServerProcess process = fleet.start("--redis-fail", "closed");
        assertThat(process.awaitLine("Stores on Redis at ")).endsWith("(fail-closed)");
        String server = RedisFleet.stageUrl(process);
        assertThat(fleet.postQuota(server).statusCode()).isEqualTo(200);

        REDIS.stop();
        redisStopped = true;

        // the throttles' buckets are on Redis too: every request is refused, as throttled
        HttpResponse<String> refused = timed(() -> fleet.postQuota(server));
        assertThat(refused.statusCode()).isEqualTo(429);
        HttpResponse<String> cached = timed(() -> fleet.getCached(server));
        assertThat(cached.statusCode()).isEqualTo(429);
        assertThat(cached.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(fleet.backendCalls()).hasValue(0);

        REDIS.start();
        redisStopped = false;

        awaitTrue(() -> fleet.postQuota(server).statusCode() == 200);
        assertThat(fleet.getCached(server).body()).isEqualTo("call 1");
    }

    /** Runs {@code call}, checks it answered within {@link #BOUND}, and returns its answer. */
    private static <T> T timed(Supplier<T> call) {
        long start = System.nanoTime();
        T answer = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        return answer;
    }

    /**
     * Retries {@code condition} until it holds, for at most 30 seconds: the servers' Redis clients
     * reconnect on their own schedule (10 ms doubling to 1 s), which is the only wait here.
     */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("still failing after 30 s").isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
