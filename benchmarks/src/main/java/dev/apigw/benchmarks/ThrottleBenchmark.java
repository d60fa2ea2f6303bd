package dev.apigw.benchmarks;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
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
 * method setting (two buckets). The limits are far above the benchmark's rate: every request is
 * admitted, so the figures are the cost of taking tokens, not of answering 429.
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
    private Request request;

    /** Builds the three APIs once. */
    @Setup
    public void setUp() {
        RestApi restApi =
                RestApi.builder()
                        .name("bench")
                        .resource(
                                "/health",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
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
        request = Request.of("GET", "/prod/health");
        for (Api api : new Api[] {unthrottled, account, accountAndStage}) {
            Response first = api.handle(request);
            if (first.statusCode() != 200) {
                throw new IllegalStateException(
                        "the benchmark's request is answered "
                                + first.statusCode()
                                + " "
                                + first.bodyAsString());
            }
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
}
