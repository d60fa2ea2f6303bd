package dev.apigw.benchmarks;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * Measures what metrics add to a request (reference 10.1): the same MOCK request through {@link
 * Api#handle} on an account without a meter registry (no metrics step at all), with a {@link
 * SimpleMeterRegistry} (the stage's meters), and with detailed metrics ({@code metricsEnabled}: the
 * method's meters). All three stages have the same {@code *}{@code /*} method setting (limits far
 * above the benchmark's rate, so each request also takes a token from a stage bucket) and differ
 * only in {@code metricsEnabled} and the registry, so that the stage bucket is not counted as a
 * cost of detailed metrics.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MetricsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetricsBenchmark {
    private Api withoutRegistry;
    private Api stageMetrics;
    private Api detailedMetrics;
    private Request request;

    /** Builds the three APIs once. */
    @Setup
    public void setUp() {
        RestApi restApi =
                RestApi.builder()
                        .name("bench")
                        .resource("/health", r -> r.method("GET", m -> mock(m)))
                        .build();
        withoutRegistry = api(restApi, UnthrottledAccount.create(), true);
        stageMetrics = api(restApi, withRegistry(), false);
        detailedMetrics = api(restApi, withRegistry(), true);
        request = Request.of("GET", "/prod/health");
        for (Api api : new Api[] {withoutRegistry, stageMetrics, detailedMetrics}) {
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

    private static Gateway withRegistry() {
        return UnthrottledAccount.create().toBuilder()
                .meterRegistry(new SimpleMeterRegistry())
                .build();
    }

    private static Api api(RestApi restApi, Gateway account, boolean detailed) {
        MethodSetting stageWide =
                MethodSetting.builder()
                        .metricsEnabled(detailed)
                        .throttlingBurstLimit(Integer.MAX_VALUE)
                        .throttlingRateLimit(Integer.MAX_VALUE)
                        .build();
        return Api.builder()
                .gateway(account)
                .restApi(restApi)
                .deploy("prod", s -> s.putMethodSetting("*/*", stageWide))
                .build();
    }

    private static Method.Builder mock(Method.Builder m) {
        return m.methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse("200", ir -> {}));
    }

    /** The request on an account without a registry: no metrics step in the pipeline. */
    @Benchmark
    public Response withoutRegistry() {
        return withoutRegistry.handle(request);
    }

    /** The request recorded in the stage's meters of a {@code SimpleMeterRegistry}. */
    @Benchmark
    public Response stageMetrics() {
        return stageMetrics.handle(request);
    }

    /** The request recorded in its method's meters (detailed metrics). */
    @Benchmark
    public Response detailedMetrics() {
        return detailedMetrics.handle(request);
    }
}
