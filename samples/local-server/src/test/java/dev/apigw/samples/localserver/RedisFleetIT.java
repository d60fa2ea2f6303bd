package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.apigw.redis.RedisServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two local server processes (the jar) on one Redis with {@code --redis} (issue 16; reference 8.2,
 * 9.3, 9.4): a usage plan's quota of N admits exactly N across both under 8 client threads each; a
 * stage cache entry one server wrote is served by the other without calling the backend; and Redis
 * stopped mid-test and restarted: {@code --redis-fail open} serves (the cache misses), {@code
 * closed} refuses every request with 429 (the throttles' buckets are on Redis), no request waits
 * past a bound, and service and sharing resume. Each test serves an API, plan and key of its own
 * (ids from the template's logical ids), so tests on one Redis never share a counter or a cache
 * entry. Skipped without a {@code redis-server} (see {@link RedisServer}).
 */
class RedisFleetIT {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private static final int QUOTA = 40;
    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 5;

    /** The longest a request may take while Redis is down: far above the 100 ms timeout. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    private final AtomicInteger backendCalls = new AtomicInteger();
    private final String tag = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private HttpServer backend;
    private boolean redisStopped;
    @TempDir Path dir;

    @BeforeEach
    void startBackend() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext(
                "/count",
                exchange -> {
                    byte[] body =
                            ("call " + backendCalls.incrementAndGet())
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        backend.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        processes.forEach(ServerProcess::close);
        backend.stop(0);
        if (redisStopped) {
            REDIS.start();
        }
    }

    private Path template() throws Exception {
        String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort() + "/count";
        String template =
                """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Api%1$s:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: fleet
                      Body:
                        openapi: 3.0.1
                        info: {title: fleet, version: "1"}
                        paths:
                          /quota:
                            post:
                              security: [{api_key: []}]
                              responses: {"200": {description: ok}}
                              x-amazon-apigateway-integration:
                                type: mock
                                requestTemplates: {application/json: '{"statusCode": 200}'}
                                responses: {default: {statusCode: "200"}}
                          /cached:
                            get:
                              responses: {"200": {description: ok}}
                              x-amazon-apigateway-integration:
                                type: http_proxy
                                httpMethod: GET
                                uri: %2$s
                        components:
                          securitySchemes:
                            api_key: {type: apiKey, name: x-api-key, in: header}
                  Deployment:
                    Type: AWS::ApiGateway::Deployment
                    Properties: {RestApiId: !Ref Api%1$s}
                  Live:
                    Type: AWS::ApiGateway::Stage
                    Properties:
                      RestApiId: !Ref Api%1$s
                      DeploymentId: !Ref Deployment
                      StageName: live
                      CacheClusterEnabled: true
                      CacheClusterSize: "0.5"
                      MethodSettings:
                        - {ResourcePath: /~1cached, HttpMethod: GET, CachingEnabled: true, CacheTtlInSeconds: 300}
                  Plan%1$s:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages: [{ApiId: !Ref Api%1$s, Stage: !Ref Live}]
                      Quota: {Limit: %3$d, Period: DAY}
                  Key%1$s:
                    Type: AWS::ApiGateway::ApiKey
                    Properties: {Name: partner, Enabled: true, Value: %4$s}
                  PlanKey:
                    Type: AWS::ApiGateway::UsagePlanKey
                    Properties: {KeyId: !Ref Key%1$s, KeyType: API_KEY, UsagePlanId: !Ref Plan%1$s}
                """
                        .formatted(tag, backendUrl, QUOTA, apiKey());
        return Files.writeString(dir.resolve("fleet.yaml"), template, StandardCharsets.UTF_8);
    }

    private String apiKey() {
        return "fleet-partner-key-" + tag;
    }

    /** Starts a server on the test's Redis and returns its stage URL. */
    private String serve(Path template, String... flags) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--template",
                                template.toString(),
                                "--redis",
                                REDIS.uri(),
                                "--port",
                                "0"));
        args.addAll(List.of(flags));
        ServerProcess process = ServerProcess.start(args);
        processes.add(process);
        String stores = process.awaitLine("Stores on Redis at ");
        assertThat(stores)
                .endsWith(
                        ": throttles, quotas and usage, stage cache, authorizer cache (fail-open)");
        return process.awaitLine("Listening on ").substring("Listening on ".length());
    }

    private HttpResponse<String> postQuota(String stageUrl) {
        return send(
                HttpRequest.newBuilder(URI.create(stageUrl + "/quota"))
                        .header("x-api-key", apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private HttpResponse<String> getCached(String stageUrl) {
        return send(HttpRequest.newBuilder(URI.create(stageUrl + "/cached")).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    @Test
    void quota_twoServersOnOneRedis_admitExactlyTheQuotaUnderEightThreadsEach() throws Exception {
        Path template = template();
        List<String> servers = List.of(serve(template), serve(template));
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

            assertThat(admitted).isEqualTo(QUOTA);
            assertThat(refused).isEqualTo(servers.size() * THREADS * REQUESTS_PER_THREAD - QUOTA);
        } finally {
            clients.shutdownNow();
        }
    }

    /** Sends this thread's requests; returns how many were answered 200 and how many 429. */
    private int[] statuses(String server) {
        int[] counts = new int[2];
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            int status = postQuota(server).statusCode();
            assertThat(status).isIn(200, 429);
            counts[status == 200 ? 0 : 1]++;
        }
        return counts;
    }

    @Test
    void cacheEntry_writtenByOneServer_isServedByTheOther() throws Exception {
        Path template = template();
        String first = serve(template);
        String second = serve(template);

        HttpResponse<String> written = getCached(first);
        HttpResponse<String> served = getCached(second);

        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(written.body()).isEqualTo("call 1");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("call 1");
        assertThat(backendCalls).hasValue(1);
    }

    @Test
    void encryptedCacheEntry_sameKeyFile_isServedByTheOther() throws Exception {
        Path template = template();
        Path encrypted =
                Files.writeString(
                        dir.resolve("encrypted.json"),
                        "{\"methodSettings\": {\"cached/GET\": {\"cacheDataEncrypted\": true}}}");
        Path key = Files.writeString(dir.resolve("cache.key"), "5a".repeat(32) + "\n");
        String[] flags = {
            "--stage-config", encrypted.toString(), "--cache-data-key-file", key.toString()
        };
        String first = serve(template, flags);
        String second = serve(template, flags);

        HttpResponse<String> written = getCached(first);
        HttpResponse<String> served = getCached(second);

        assertThat(written.body()).isEqualTo("call 1");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("call 1");
        assertThat(backendCalls).hasValue(1);
    }

    @Test
    void redisStoppedAndRestarted_failOpen_servesWithinTheBoundThenSharesAgain() throws Exception {
        assumeTrue(REDIS.ownsProcess(), "needs a redis-server of its own");
        Path template = template();
        String first = serve(template);
        String second = serve(template);
        assertThat(getCached(first).body()).isEqualTo("call 1");

        REDIS.stop();
        redisStopped = true;

        assertThat(timed(() -> postQuota(first)).statusCode()).isEqualTo(200);
        HttpResponse<String> miss = timed(() -> getCached(second));
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.body()).isEqualTo("call 2");

        REDIS.start();
        redisStopped = false;

        awaitTrue(
                () -> {
                    String written = getCached(first).body();
                    int calls = backendCalls.get();
                    String served = getCached(second).body();
                    return served.equals(written) && backendCalls.get() == calls;
                });
        assertThat(postQuota(second).statusCode()).isEqualTo(200);
    }

    @Test
    void redisStoppedAndRestarted_failClosed_refusesTheQuotaThenAdmitsAgain() throws Exception {
        assumeTrue(REDIS.ownsProcess(), "needs a redis-server of its own");
        Path template = template();
        ServerProcess process =
                ServerProcess.start(
                        List.of(
                                "--template",
                                template.toString(),
                                "--redis",
                                REDIS.uri(),
                                "--redis-fail",
                                "closed",
                                "--port",
                                "0"));
        processes.add(process);
        assertThat(process.awaitLine("Stores on Redis at ")).endsWith("(fail-closed)");
        String server = process.awaitLine("Listening on ").substring("Listening on ".length());
        assertThat(postQuota(server).statusCode()).isEqualTo(200);

        REDIS.stop();
        redisStopped = true;

        // the throttles' buckets are on Redis too: every request is refused, as throttled
        HttpResponse<String> refused = timed(() -> postQuota(server));
        assertThat(refused.statusCode()).isEqualTo(429);
        HttpResponse<String> cached = timed(() -> getCached(server));
        assertThat(cached.statusCode()).isEqualTo(429);
        assertThat(cached.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(backendCalls).hasValue(0);

        REDIS.start();
        redisStopped = false;

        awaitTrue(() -> postQuota(server).statusCode() == 200);
        assertThat(getCached(server).body()).isEqualTo("call 1");
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
                                template().toString(),
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

    /** Runs {@code call}, checks it answered within {@link #BOUND}, and returns its answer. */
    private static <T> T timed(java.util.function.Supplier<T> call) {
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
