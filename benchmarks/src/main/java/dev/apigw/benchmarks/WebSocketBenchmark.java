package dev.apigw.benchmarks;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.HttpStage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.ConnectionSink;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * Measures a WebSocket message routed to a Lambda proxy route in-process (reference 2.6, 7.3):
 * {@link WebSocketGateway#message} on an open connection, the message {@code
 * {"action":"sendmessage","data":"hello"}} selected by {@code $request.body.action} to a two-way
 * route whose function answers a fixed body, which comes back as a frame through a sink that keeps
 * only the last frame. Beside it in the same run, its references: the same function called directly
 * with a ready event (the event the gateway wrote, captured once), and the HTTP API Lambda proxy
 * request of {@link HttpApiBenchmark} ({@code GET /pets/7?verbose=true}) on the same function and
 * answer. The gateway cases run once with the function on the account's executor (the integration
 * timeout enforced) and once in the calling thread ({@code ...InThread}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WebSocketBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebSocketBenchmark {
    private static final byte[] ANSWER =
            "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"id\\\":7}\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final String FUNCTION_ARN =
            "arn:aws:lambda:us-east-1:123456789012:function:pets";
    private static final Frame MESSAGE =
            Frame.text("{\"action\":\"sendmessage\",\"data\":\"hello\"}");

    private final LambdaFunction function = invocation -> LambdaResult.of(ANSWER);
    private final LastFrameSink sink = new LastFrameSink();
    private final LastFrameSink sinkInThread = new LastFrameSink();
    private WebSocketGateway webSocket;
    private WebSocketGateway webSocketInThread;
    private String connectionId;
    private String connectionIdInThread;
    private LambdaInvocation readyInvocation;
    private Api http;
    private Api httpInThread;
    private Request httpRequest;

    /** Keeps the last frame sent, as a host's socket would take it and return. */
    static final class LastFrameSink implements ConnectionSink {
        private volatile Frame last;

        @Override
        public void send(Frame frame) {
            last = frame;
        }

        @Override
        public void close(int statusCode, String reason) {
            throw new IllegalStateException("closed " + statusCode + " " + reason);
        }
    }

    /** Builds the gateways and opens one connection on each, once. */
    @Setup
    public void setUp() {
        Gateway account = UnthrottledAccount.create();
        Gateway inThread = account.toBuilder().requestResponseExecutor(Runnable::run).build();
        WebSocketApi api =
                WebSocketApi.builder("bench")
                        .id("wsbench123")
                        .routeSelectionExpression("$request.body.action")
                        .integration(
                                WebSocketIntegration.builder("pets")
                                        .lambdaProxy(FUNCTION_ARN)
                                        .build())
                        .route("sendmessage", r -> r.integrationId("pets").twoWay())
                        .stage("prod", s -> {})
                        .build();
        webSocket = webSocket(account, api, function);
        webSocketInThread = webSocket(inThread, api, function);
        connectionId = open(webSocket, sink);
        connectionIdInThread = open(webSocketInThread, sinkInThread);
        readyInvocation = captureInvocation(inThread, api);
        HttpApi httpApi =
                HttpApi.builder("bench")
                        .integration(
                                HttpIntegration.builder("pets").lambdaProxy(FUNCTION_ARN).build())
                        .route("GET /pets/{id}", "pets")
                        .stage(HttpStage.builder(HttpStage.DEFAULT).build())
                        .build();
        http = Api.builder().gateway(account).httpApi(httpApi).lambda("pets", function).build();
        httpInThread = http.toBuilder().gateway(inThread).build();
        httpRequest =
                Request.builder()
                        .httpMethod("GET")
                        .target("/pets/7?verbose=true")
                        .header("Accept", "application/json")
                        .header("User-Agent", "jmh")
                        .header("Host", "abc123.execute-api.us-east-1.amazonaws.com")
                        .build();
        check();
    }

    private static WebSocketGateway webSocket(
            Gateway account, WebSocketApi api, LambdaFunction function) {
        return WebSocketGateway.builder()
                .gateway(account)
                .webSocketApi(api)
                .stage("prod")
                .lambda("pets", function)
                .build();
    }

    private static String open(WebSocketGateway gateway, ConnectionSink sink) {
        ConnectResult result =
                gateway.connect(
                        ConnectRequest.builder()
                                .header("Host", "wsbench123.execute-api.us-east-1.amazonaws.com")
                                .header("User-Agent", "jmh")
                                .build(),
                        sink);
        if (!(result instanceof ConnectResult.Accepted accepted)) {
            throw new IllegalStateException("$connect answered " + result);
        }
        return accepted.connectionId();
    }

    /** The invocation the gateway makes for {@link #MESSAGE}, captured from one message. */
    private LambdaInvocation captureInvocation(Gateway account, WebSocketApi api) {
        AtomicReference<LambdaInvocation> captured = new AtomicReference<>();
        WebSocketGateway capturing =
                webSocket(
                        account,
                        api,
                        invocation -> {
                            captured.set(invocation);
                            return function.invoke(invocation);
                        });
        capturing.message(open(capturing, new LastFrameSink()), MESSAGE);
        LambdaInvocation invocation = captured.get();
        if (invocation == null) {
            throw new IllegalStateException("the message did not reach the function");
        }
        return new LambdaInvocation(
                invocation.functionArn(),
                invocation.functionName(),
                invocation.qualifier(),
                invocation.invocationType(),
                invocation.awsRequestId(),
                Duration.ofSeconds(29),
                invocation.payload());
    }

    /** Fails the run when a message or request is not answered as the function answers it. */
    private void check() {
        message();
        messageInThread();
        for (LastFrameSink s : new LastFrameSink[] {sink, sinkInThread}) {
            if (s.last == null || !s.last.asText().equals("{\"id\":7}")) {
                throw new IllegalStateException("the route answered " + s.last);
            }
        }
        for (Api api : new Api[] {http, httpInThread}) {
            Response response = api.handle(httpRequest);
            if (response.statusCode() != 200 || !response.bodyAsString().equals("{\"id\":7}")) {
                throw new IllegalStateException("HTTP API answered " + response);
            }
        }
    }

    /** A message on the open connection, its function on the account's executor. */
    @Benchmark
    public Frame message() {
        webSocket.message(connectionId, MESSAGE);
        return sink.last;
    }

    /** {@link #message} with the function in the calling thread. */
    @Benchmark
    public Frame messageInThread() {
        webSocketInThread.message(connectionIdInThread, MESSAGE);
        return sinkInThread.last;
    }

    /** The function called directly with the event the gateway writes (the floor). */
    @Benchmark
    public LambdaResult directFunctionCall() {
        return function.invoke(readyInvocation);
    }

    /** The HTTP API's Lambda proxy request on the same function (reference). */
    @Benchmark
    public Response httpLambdaProxy() {
        return http.handle(httpRequest);
    }

    /** {@link #httpLambdaProxy} with the function in the calling thread. */
    @Benchmark
    public Response httpLambdaProxyInThread() {
        return httpInThread.handle(httpRequest);
    }
}
