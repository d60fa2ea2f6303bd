package dev.apigw.benchmarks;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.HttpStage;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
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
 * Measures a Lambda proxy request of an HTTP API (payload format 2.0, reference 2.4 and 2.5) beside
 * the same request of a REST API (payload 1.0, reference 2.1), as {@code PipelineBenchmark}
 * measures the REST one: the same trivial function answering the same bytes, the same request
 * ({@code GET /pets/7?verbose=true} with the same headers), the same account. The REST API serves
 * it on its stage {@code prod}, the HTTP API on {@code $default} at the root (reference 7.2). Each
 * runs once with the function on the account's executor (the integration timeout enforced) and once
 * in the calling thread. AWS sells HTTP APIs as the lower-latency type; the target is the
 * HTTP request at least 1.5 times as fast as the REST one.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HttpApiBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HttpApiBenchmark {
    private static final byte[] ANSWER =
            "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"id\\\":7}\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final String FUNCTION_ARN =
            "arn:aws:lambda:us-east-1:123456789012:function:pets";

    private final LambdaFunction function = invocation -> LambdaResult.of(ANSWER);
    private Api rest;
    private Api http;
    private Api restInThread;
    private Api httpInThread;
    private Request restRequest;
    private Request httpRequest;

    /** Builds both APIs once, in one account each way. */
    @Setup
    public void setUp() {
        Gateway account = UnthrottledAccount.create();
        Gateway inThread = account.toBuilder().requestResponseExecutor(Runnable::run).build();
        RestApi restApi =
                RestApi.builder()
                        .name("bench")
                        .resource(
                                "/pets/{id}",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                                                                                + FUNCTION_ARN
                                                                                                + "/invocations"))))
                        .build();
        HttpApi httpApi =
                HttpApi.builder("bench")
                        .integration(
                                HttpIntegration.builder("pets").lambdaProxy(FUNCTION_ARN).build())
                        .route("GET /pets/{id}", "pets")
                        .stage(HttpStage.builder(HttpStage.DEFAULT).build())
                        .build();
        rest =
                Api.builder()
                        .gateway(account)
                        .restApi(restApi)
                        .deploy("prod")
                        .lambda("pets", function)
                        .build();
        restInThread = rest.toBuilder().gateway(inThread).build();
        http = Api.builder().gateway(account).httpApi(httpApi).lambda("pets", function).build();
        httpInThread = http.toBuilder().gateway(inThread).build();
        restRequest = request("/prod/pets/7?verbose=true");
        httpRequest = request("/pets/7?verbose=true");
        check(rest.handle(restRequest), "REST");
        check(http.handle(httpRequest), "HTTP");
    }

    /** Fails the run when a request is not answered as the function answers it. */
    private static void check(Response response, String type) {
        if (response.statusCode() != 200 || !response.bodyAsString().equals("{\"id\":7}")) {
            throw new IllegalStateException(type + " API answered " + response);
        }
    }

    private static Request request(String target) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("Accept", "application/json")
                .header("User-Agent", "jmh")
                .header("Host", "abc123.execute-api.us-east-1.amazonaws.com")
                .build();
    }

    /** The REST API's AWS_PROXY method calling the function (payload 1.0). */
    @Benchmark
    public Response restLambdaProxy() {
        return rest.handle(restRequest);
    }

    /** The HTTP API's route calling the same function through a Lambda proxy (payload 2.0). */
    @Benchmark
    public Response httpLambdaProxy() {
        return http.handle(httpRequest);
    }

    /** {@link #restLambdaProxy} with the function in the calling thread. */
    @Benchmark
    public Response restLambdaProxyInThread() {
        return restInThread.handle(restRequest);
    }

    /** {@link #httpLambdaProxy} with the function in the calling thread. */
    @Benchmark
    public Response httpLambdaProxyInThread() {
        return httpInThread.handle(httpRequest);
    }
}
