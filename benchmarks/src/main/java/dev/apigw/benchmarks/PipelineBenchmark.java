package dev.apigw.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Measures whole requests through {@link Api#handle}: a MOCK request with request and response
 * templates, and an AWS_PROXY request to a trivial function, beside the reference of a direct call
 * of that same function with a ready-made event (what the gateway adds is the difference). A third
 * AWS_PROXY request goes to a {@code RequestHandler} of the {@code aws-lambda-java-events} proxy
 * types answering a fixed response, run as the Lambda Java runtime runs it: the event deserialized
 * and the answer serialized by the runtime's serializers. The difference to the trivial function is
 * that serialization, a cost of the function's runtime, not of the gateway.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PipelineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
    private static final byte[] ANSWER =
            "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"id\\\":7}\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final String FUNCTION_ARN =
            "arn:aws:lambda:us-east-1:123456789012:function:pets";

    private final LambdaFunction function = invocation -> LambdaResult.of(ANSWER);
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>
            handler =
                    (event, context) ->
                            new APIGatewayProxyResponseEvent()
                                    .withStatusCode(200)
                                    .withHeaders(Map.of("Content-Type", "application/json"))
                                    .withBody("{\"id\":7}");
    private Api api;
    private Api inThread;
    private Request mockRequest;
    private Request proxyRequest;
    private Request handlerRequest;
    private LambdaInvocation directInvocation;

    /** Builds the API once. */
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
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        "{\"status\": \"ok\"}")))))
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
                        .resource(
                                "/typed/{id}",
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
                                                                                                + "arn:aws:lambda:us-east-1:123456789012:function:typed"
                                                                                                + "/invocations"))))
                        .build();
        api =
                Api.builder()
                        .gateway(UnthrottledAccount.create())
                        .restApi(restApi)
                        .deploy("prod")
                        .lambda("pets", function)
                        .lambda(
                                "typed",
                                LambdaHandlers.requestHandler(
                                        handler, APIGatewayProxyRequestEvent.class))
                        .build();
        inThread =
                api.toBuilder()
                        .gateway(
                                api.gateway().toBuilder()
                                        .requestResponseExecutor(Runnable::run)
                                        .build())
                        .build();
        mockRequest =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/health")
                        .header("Accept", "application/json")
                        .header("User-Agent", "jmh")
                        .build();
        proxyRequest =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/pets/7?verbose=true")
                        .header("Accept", "application/json")
                        .header("User-Agent", "jmh")
                        .header("Host", "abc123.execute-api.us-east-1.amazonaws.com")
                        .build();
        handlerRequest =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/typed/7?verbose=true")
                        .header("Accept", "application/json")
                        .header("User-Agent", "jmh")
                        .header("Host", "abc123.execute-api.us-east-1.amazonaws.com")
                        .build();
        directInvocation =
                new LambdaInvocation(
                        FUNCTION_ARN,
                        "pets",
                        "",
                        "RequestResponse",
                        "c0ffee00-0000-4000-8000-000000000000",
                        Duration.ofSeconds(29),
                        "{\"resource\":\"/pets/{id}\",\"path\":\"/pets/7\"}"
                                .getBytes(StandardCharsets.UTF_8));
    }

    /** A MOCK method with a request and a response template. */
    @Benchmark
    public Response mock() {
        return api.handle(mockRequest);
    }

    /** An AWS_PROXY method calling a trivial function. */
    @Benchmark
    public Response lambdaProxy() {
        return api.handle(proxyRequest);
    }

    /**
     * The same request with the function run in the calling thread ({@code
     * Gateway.Builder.requestResponseExecutor(Runnable::run)}): no integration timeout, no hand-off
     * to the function's own thread. The difference to {@link #lambdaProxy} is what enforcing the
     * timeout costs.
     */
    @Benchmark
    public Response lambdaProxyInThread() {
        return inThread.handle(proxyRequest);
    }

    /** An AWS_PROXY method calling a {@code RequestHandler} of the proxy event types. */
    @Benchmark
    public Response lambdaProxyRequestHandler() {
        return api.handle(handlerRequest);
    }

    /** Reference: the same function called directly. */
    @Benchmark
    public LambdaResult directCall() {
        return function.invoke(directInvocation);
    }
}
