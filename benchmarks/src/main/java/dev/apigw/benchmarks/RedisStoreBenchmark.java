package dev.apigw.benchmarks;

import dev.apigw.model.ApiKey;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.redis.RedisProcess;
import dev.apigw.redis.RedisStores;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures what the Redis stores (issue 16) add to a throttled request (reference 9.4) and to a
 * request counted against a usage-plan quota (reference 8.2), beside the in-memory stores in the
 * same run: the MOCK request of {@link ThrottleBenchmark} through {@link Api#handle}, with the
 * account's bucket and a stage {@code *}{@code /*} method setting (two buckets taken per request),
 * with the account's bucket only (one), and a key-required request whose key is in a plan with a
 * quota (the account's bucket and the quota counter). The Redis is a {@code redis-server} that the
 * benchmark starts itself on a free loopback port ({@link RedisLauncher}) and stops at teardown;
 * without one, the Redis cases fail at setup with {@link RedisLauncher#NO_REDIS}. Limits are far
 * above the benchmark's rate: every request is admitted.
 *
 * <p>{@code latencyLettucePing} is the floor of one round trip: a {@code PING} on a Lettuce
 * connection of its own. The {@code latency...} cases sample the time of one request in one thread
 * ({@link Mode#SampleTime}: p50, p99, p99.9); the {@code throughput...} cases run 8 threads.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RedisStoreBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedisStoreBenchmark {
    private RedisProcess redisServer;
    private RedisStores redis;
    private RedisClient pingClient;
    private StatefulRedisConnection<String, String> ping;
    private Api memoryTwoBuckets;
    private Api redisTwoBuckets;
    private Api memoryAccountBucket;
    private Api redisAccountBucket;
    private Api memoryQuota;
    private Api redisQuota;
    private Request request;
    private Request keyRequest;

    /** Starts Redis and builds the six APIs once. */
    @Setup
    public void setUp() throws Exception {
        redisServer = RedisLauncher.start();
        redis = RedisStores.connect(redisServer.uri());
        pingClient = RedisClient.create(redisServer.uri());
        ping = pingClient.connect();
        RestApi restApi =
                RestApi.builder()
                        .name("bench")
                        .resource("/health", r -> r.method("GET", ThrottleBenchmark::mock))
                        .resource(
                                "/orders",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        ThrottleBenchmark.mock(
                                                                m.apiKeyRequired(true))))
                        .build();
        MethodSetting stageWide =
                MethodSetting.builder()
                        .throttlingBurstLimit(Integer.MAX_VALUE)
                        .throttlingRateLimit(Integer.MAX_VALUE)
                        .build();
        ApiKey key = ApiKey.builder().id("benchkey01").value("Bench0123456789abcdefXYZ").build();
        UsagePlan plan =
                UsagePlan.builder()
                        .name("bench")
                        .addApiStage(restApi.id(), "prod")
                        .addApiKey(key)
                        .quota(QuotaSettings.of(Integer.MAX_VALUE, QuotaPeriodType.MONTH))
                        .build();
        memoryTwoBuckets = twoBuckets(UnthrottledAccount.create(), restApi, stageWide);
        redisTwoBuckets = twoBuckets(onRedis(), restApi, stageWide);
        memoryAccountBucket =
                Api.builder()
                        .gateway(UnthrottledAccount.create())
                        .restApi(restApi)
                        .deploy("prod")
                        .build();
        redisAccountBucket =
                Api.builder().gateway(onRedis()).restApi(restApi).deploy("prod").build();
        memoryQuota = withQuota(UnthrottledAccount.create(), restApi, key, plan);
        redisQuota = withQuota(onRedis(), restApi, key, plan);
        request = Request.of("GET", "/prod/health");
        keyRequest =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/orders")
                        .header("x-api-key", key.value())
                        .build();
        ThrottleBenchmark.check(memoryTwoBuckets, request);
        ThrottleBenchmark.check(redisTwoBuckets, request);
        ThrottleBenchmark.check(memoryAccountBucket, request);
        ThrottleBenchmark.check(redisAccountBucket, request);
        ThrottleBenchmark.check(memoryQuota, keyRequest);
        ThrottleBenchmark.check(redisQuota, keyRequest);
    }

    /**
     * Closes the stores and stops Redis; says how many Redis commands failed (fail-open) and which
     * commands Redis ran (its {@code INFO commandstats}: the round trips of a request).
     */
    @TearDown
    public void tearDown() {
        if (ping != null) {
            System.out.printf(
                    "%n[RedisStoreBenchmark] %s%n",
                    ping.sync().info("commandstats").replace("\r\n", " "));
            ping.close();
            pingClient.shutdown();
        }
        if (redis != null) {
            System.out.printf(
                    "[RedisStoreBenchmark] Redis failures: rate-limit %d, usage %d%n",
                    redis.rateLimitStore().failureCount(), redis.usageStore().failureCount());
            redis.close();
        }
        if (redisServer != null) {
            redisServer.stop(false);
        }
    }

    /** An account like {@link UnthrottledAccount}'s with the Redis stores. */
    private Gateway onRedis() {
        return redis.applyTo(Gateway.builder().accountThrottle(UnthrottledAccount.LIMIT)).build();
    }

    private static Api twoBuckets(Gateway gateway, RestApi restApi, MethodSetting stageWide) {
        return Api.builder()
                .gateway(gateway)
                .restApi(restApi)
                .deploy("prod", s -> s.putMethodSetting("*/*", stageWide))
                .build();
    }

    private static Api withQuota(Gateway gateway, RestApi restApi, ApiKey key, UsagePlan plan) {
        return Api.builder()
                .gateway(gateway)
                .restApi(restApi)
                .deploy("prod")
                .apiKey(key)
                .usagePlan(plan)
                .build();
    }

    /** One {@code PING} through a Lettuce connection: the floor of one round trip to Redis. */
    @Benchmark
    public String latencyLettucePing() {
        return ping.sync().ping();
    }

    /** The stage-throttled request, its two buckets in memory (the reference). */
    @Benchmark
    public Response latencyMemory() {
        return memoryTwoBuckets.handle(request);
    }

    /** The stage-throttled request, its two buckets in Redis. */
    @Benchmark
    public Response latencyRedis() {
        return redisTwoBuckets.handle(request);
    }

    /** The request taking the account's bucket only, in memory. */
    @Benchmark
    public Response latencyMemoryAccountOnly() {
        return memoryAccountBucket.handle(request);
    }

    /** The request taking the account's bucket only, in Redis. */
    @Benchmark
    public Response latencyRedisAccountOnly() {
        return redisAccountBucket.handle(request);
    }

    /** The key's request counted against its quota, bucket and counter in memory. */
    @Benchmark
    public Response latencyMemoryQuota() {
        return memoryQuota.handle(keyRequest);
    }

    /** The key's request counted against its quota, bucket and counter in Redis. */
    @Benchmark
    public Response latencyRedisQuota() {
        return redisQuota.handle(keyRequest);
    }

    /** {@link #latencyMemory()} in 8 threads. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public Response throughputMemory() {
        return memoryTwoBuckets.handle(request);
    }

    /** {@link #latencyRedis()} in 8 threads. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public Response throughputRedis() {
        return redisTwoBuckets.handle(request);
    }

    /** {@link #latencyMemoryQuota()} in 8 threads. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public Response throughputMemoryQuota() {
        return memoryQuota.handle(keyRequest);
    }

    /** {@link #latencyRedisQuota()} in 8 threads. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public Response throughputRedisQuota() {
        return redisQuota.handle(keyRequest);
    }
}
