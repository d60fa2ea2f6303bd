package dev.apigw.benchmarks;

import dev.apigw.model.ApiKey;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.UsageStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures what throttling adds to a request (reference 9.4): the same MOCK request through {@link
 * Api#handle} with a store that admits everything (no bucket at all), with the account's bucket
 * only (every request takes one), and with the account's bucket and a stage {@code *}{@code /*}
 * method setting (two buckets); and, for usage-plan quotas (reference 8.2), a method with {@code
 * apiKeyRequired} called with a key of a plan whose quota is counted, beside the same request with
 * stores that count nothing. The limits are far above the benchmark's rate: every request is
 * admitted, so the figures are the cost of taking tokens and counting, not of answering 429.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ThrottleBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThrottleBenchmark {
    private Api unthrottled;
    private Api account;
    private Api accountAndStage;
    private Api keyUncounted;
    private Api keyWithQuota;
    private Request request;
    private Request keyRequest;

    /** Builds the five APIs once. */
    @Setup
    public void setUp() {
        RestApi restApi =
                RestApi.builder()
                        .name("bench")
                        .resource("/health", r -> r.method("GET", ThrottleBenchmark::mock))
                        .resource(
                                "/orders", r -> r.method("GET", m -> mock(m.apiKeyRequired(true))))
                        .build();
        Gateway admitAll = Gateway.builder().rateLimitStore((key, limits) -> true).build();
        unthrottled = Api.builder().gateway(admitAll).restApi(restApi).deploy("prod").build();
        account =
                Api.builder()
                        .gateway(UnthrottledAccount.create())
                        .restApi(restApi)
                        .deploy("prod")
                        .build();
        MethodSetting stageWide =
                MethodSetting.builder()
                        .throttlingBurstLimit(Integer.MAX_VALUE)
                        .throttlingRateLimit(Integer.MAX_VALUE)
                        .build();
        accountAndStage =
                Api.builder()
                        .gateway(UnthrottledAccount.create())
                        .restApi(restApi)
                        .deploy("prod", s -> s.putMethodSetting("*/*", stageWide))
                        .build();
        ApiKey key = ApiKey.builder().id("benchkey01").value("Bench0123456789abcdefXYZ").build();
        UsagePlan plan =
                UsagePlan.builder()
                        .name("bench")
                        .addApiStage(restApi.id(), "prod")
                        .addApiKey(key)
                        .quota(QuotaSettings.of(Integer.MAX_VALUE, QuotaPeriodType.MONTH))
                        .build();
        Gateway uncounted =
                Gateway.builder()
                        .rateLimitStore((k, limits) -> true)
                        .usageStore(new NoUsage())
                        .build();
        keyUncounted =
                Api.builder()
                        .gateway(uncounted)
                        .restApi(restApi)
                        .deploy("prod")
                        .apiKey(key)
                        .usagePlan(plan)
                        .build();
        keyWithQuota =
                Api.builder()
                        .gateway(UnthrottledAccount.create())
                        .restApi(restApi)
                        .deploy("prod")
                        .apiKey(key)
                        .usagePlan(plan)
                        .build();
        request = Request.of("GET", "/prod/health");
        keyRequest =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/orders")
                        .header("x-api-key", key.value())
                        .build();
        check(unthrottled, request);
        check(account, request);
        check(accountAndStage, request);
        check(keyUncounted, keyRequest);
        check(keyWithQuota, keyRequest);
    }

    /** A MOCK method answering 200, the request every throttle benchmark sends. */
    static Method.Builder mock(Method.Builder m) {
        return m.methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse("200", ir -> {}));
    }

    /** Fails the setup unless {@code api} answers {@code request} 200. */
    static void check(Api api, Request request) {
        Response first = api.handle(request);
        if (first.statusCode() != 200) {
            throw new IllegalStateException(
                    "the benchmark's request is answered "
                            + first.statusCode()
                            + " "
                            + first.bodyAsString());
        }
    }

    /** The request with no bucket taken (the store admits everything). */
    @Benchmark
    public Response unthrottled() {
        return unthrottled.handle(request);
    }

    /** The request taking a token from the account's bucket, as every request does. */
    @Benchmark
    public Response accountLimit() {
        return account.handle(request);
    }

    /** The request taking a token from its stage method bucket and from the account's. */
    @Benchmark
    public Response stageAndAccountLimits() {
        return accountAndStage.handle(request);
    }

    /** A key-required request whose stores take no token and count nothing (the reference). */
    @Benchmark
    public Response apiKeyUncounted() {
        return keyUncounted.handle(keyRequest);
    }

    /** The key-required request taking the account's token and counting against its quota. */
    @Benchmark
    public Response apiKeyWithQuota() {
        return keyWithQuota.handle(keyRequest);
    }

    /** A usage store that admits and records nothing: the reference without quota counting. */
    private static final class NoUsage implements UsageStore {
        @Override
        public boolean tryConsume(
                String counter, LocalDate periodStart, LocalDate day, long limit) {
            return true;
        }

        @Override
        public void setRemaining(
                String counter, LocalDate periodStart, LocalDate day, long limit, long remaining) {}

        @Override
        public Map<LocalDate, DayUsage> usage(
                String counter, LocalDate startDate, LocalDate endDate) {
            return Map.of();
        }

        @Override
        public Instant planStarted(String usagePlanId, Instant now) {
            return now;
        }
    }
}
