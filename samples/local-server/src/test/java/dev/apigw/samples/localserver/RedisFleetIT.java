package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.redis.RedisServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two local server processes (the jar) on one Redis with {@code --redis} (issue 16; reference 8.2,
 * 9.3): a usage plan's quota of N admits exactly N across both under 8 client threads each, and a
 * stage cache entry one server wrote is served by the other without calling the backend (an
 * encrypted one too when both read the same {@code --cache-data-key-file}); an unreachable Redis
 * stops the server with one line. Runs on the shared Redis of {@code APIGW_REDIS_URL} when set (as
 * in CI), each test with an API, plan and key of its own ({@link RedisFleet}); Redis stopped and
 * restarted is {@link RedisFleetRestartIT}. Skipped without a Redis (see {@link RedisServer}).
 */
class RedisFleetIT {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 5;

    @TempDir Path dir;
    private RedisFleet fleet;

    @BeforeEach
    void openFleet() throws Exception {
        fleet = RedisFleet.open(REDIS.uri(), dir);
    }

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    void quota_twoServersOnOneRedis_admitExactlyTheQuotaUnderEightThreadsEach() throws Exception {
        List<String> servers = List.of(fleet.serve(), fleet.serve());
        ExecutorService clients = Executors.newFixedThreadPool(THREADS * servers.size());
        try {
            List<Future<int[]>> counts = new ArrayList<>();
            for (String server : servers) {
                for (int t = 0; t < THREADS; t++) {
                    counts.add(clients.submit(() -> statuses(server)));
                }
            }
            int admitted = 0;
            int refused = 0;
            for (Future<int[]> count : counts) {
                int[] statuses = count.get(2, TimeUnit.MINUTES);
                admitted += statuses[0];
                refused += statuses[1];
            }

            assertThat(admitted).isEqualTo(RedisFleet.QUOTA);
            assertThat(refused)
                    .isEqualTo(servers.size() * THREADS * REQUESTS_PER_THREAD - RedisFleet.QUOTA);
        } finally {
            clients.shutdownNow();
        }
    }

    /** Sends this thread's requests; returns how many were answered 200 and how many 429. */
    private int[] statuses(String server) {
        int[] counts = new int[2];
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            int status = fleet.postQuota(server).statusCode();
            assertThat(status).isIn(200, 429);
            counts[status == 200 ? 0 : 1]++;
        }
        return counts;
    }

    @Test
    void cacheEntry_writtenByOneServer_isServedByTheOther() throws Exception {
        String first = fleet.serve();
        String second = fleet.serve();

        HttpResponse<String> written = fleet.getCached(first);
        HttpResponse<String> served = fleet.getCached(second);

        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(written.body()).isEqualTo("call 1");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("call 1");
        assertThat(fleet.backendCalls()).hasValue(1);
    }

    @Test
    void encryptedCacheEntry_sameKeyFile_isServedByTheOther() throws Exception {
        Path encrypted =
                Files.writeString(
                        dir.resolve("encrypted.json"),
                        "{\"methodSettings\": {\"cached/GET\": {\"cacheDataEncrypted\": true}}}");
        Path key = Files.writeString(dir.resolve("cache.key"), "5a".repeat(32) + "\n");
        String[] flags = {
            "--stage-config", encrypted.toString(), "--cache-data-key-file", key.toString()
        };
        String first = fleet.serve(flags);
        String second = fleet.serve(flags);

        HttpResponse<String> written = fleet.getCached(first);
        HttpResponse<String> served = fleet.getCached(second);

        assertThat(written.body()).isEqualTo("call 1");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("call 1");
        assertThat(fleet.backendCalls()).hasValue(1);
    }

    @Test
    void redisUnreachable_exitsOneWithOneLineNamingIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ServerProcess.Result result =
                ServerProcess.run(
                        List.of(
                                "--template",
                                fleet.template().toString(),
                                "--redis",
                                "redis://:Secret@127.0.0.1:" + port,
                                "--port",
                                "0"),
                        dir);

        assertThat(result.exitStatus()).isEqualTo(LaunchException.FAILURE);
        assertThat(result.stderr().lines().filter(line -> line.startsWith("apigw-local: ")))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith("apigw-local: --redis: cannot connect to 127.0.0.1:" + port + ": ")
                .doesNotContain("Secret");
        assertThat(result.stdout()).doesNotContain("Listening on");
    }
}
