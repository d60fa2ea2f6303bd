package dev.apigw.benchmarks;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.LoggingLevel;
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
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.helpers.NOPLogger;

/**
 * Measures what logs add to a request (reference 10.2, 10.3): the same MOCK request through {@link
 * Api#handle} on a stage without logs (the reference), with an access log in the console's CLF
 * format to a sink that hands each line to a {@link Blackhole}, and with execution logs at {@code
 * INFO} into SLF4J's no-operation logger (the lines are built, not written) beside the same stage
 * setting at {@code OFF}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LogsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogsBenchmark {
    private static final String CLF =
            "$context.identity.sourceIp $context.identity.caller $context.identity.user"
                    + " [$context.requestTime] \"$context.httpMethod $context.resourcePath"
                    + " $context.protocol\" $context.status $context.responseLength"
                    + " $context.requestId $context.extendedRequestId";

    private Api plain;
    private Api accessLogged;
    private Api executionLogged;
    private Api executionLogOff;
    private Request request;
    private Blackhole sink;

    /** Builds the three APIs once. */
    @Setup
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
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
        Gateway account =
                UnthrottledAccount.create().toBuilder()
                        .accessLog((destination, line) -> sink.consume(line))
                        .executionLogs(name -> NOPLogger.NOP_LOGGER)
                        .build();
        plain = Api.builder().gateway(account).restApi(restApi).deploy("prod").build();
        accessLogged =
                Api.builder()
                        .gateway(account)
                        .restApi(restApi)
                        .deploy(
                                "prod",
                                s ->
                                        s.accessLogSettings(
                                                new AccessLogSettings(
                                                        CLF, "arn:aws:logs:::log-group:bench")))
                        .build();
        executionLogged = methodSettings(account, restApi, LoggingLevel.INFO);
        executionLogOff = methodSettings(account, restApi, LoggingLevel.OFF);
        request = Request.of("GET", "/prod/health");
        for (Api api : new Api[] {plain, accessLogged, executionLogged, executionLogOff}) {
            Response first = api.handle(request);
            if (first.statusCode() != 200) {
                throw new IllegalStateException(
                        "the benchmark's request is answered " + first.statusCode());
            }
        }
    }

    /**
     * Returns the API on a stage whose {@code *}{@code /*} method setting logs at {@code level}.
     */
    private static Api methodSettings(Gateway account, RestApi restApi, LoggingLevel level) {
        MethodSetting setting =
                MethodSetting.builder()
                        .loggingLevel(level)
                        .throttlingBurstLimit(Integer.MAX_VALUE)
                        .throttlingRateLimit(Integer.MAX_VALUE)
                        .build();
        return Api.builder()
                .gateway(account)
                .restApi(restApi)
                .deploy("prod", s -> s.putMethodSetting("*/*", setting))
                .build();
    }

    /** The request on a stage without logs (the reference). */
    @Benchmark
    public Response noLogs() {
        return plain.handle(request);
    }

    /** The request with its access-log line rendered and written. */
    @Benchmark
    public Response accessLog() {
        return accessLogged.handle(request);
    }

    /**
     * The request on a stage whose {@code *}{@code /*} method setting logs {@code OFF}: the
     * reference of {@link #executionLogInfo} (a method setting also brings a stage throttle).
     */
    @Benchmark
    public Response executionLogOff() {
        return executionLogOff.handle(request);
    }

    /** The request with its execution log at INFO (no data trace) into a no-op logger. */
    @Benchmark
    public Response executionLogInfo() {
        return executionLogged.handle(request);
    }
}
