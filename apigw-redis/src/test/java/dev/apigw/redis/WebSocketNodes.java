package dev.apigw.redis;

import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Nodes of one WebSocket API and stage on one Redis for a fleet test (issue 16, reference 7.4):
 * each {@link #node} is a {@link WebSocketGateway} with the stores it is given, all under the
 * test's key prefix ({@link RedisClients}), and their {@code $disconnect} events are recorded.
 * Closed after the test, which deletes the test's keys.
 */
final class WebSocketNodes implements AutoCloseable {
    static final WebSocketApi API =
            WebSocketApi.builder("chat")
                    .id("chatapi123")
                    .routeSelectionExpression("$request.body.action")
                    .integration(
                            WebSocketIntegration.builder("fn")
                                    .lambdaProxy(
                                            "arn:aws:lambda:us-east-1:123456789012:function:chat")
                                    .build())
                    .route(WebSocketRoute.DISCONNECT, "fn")
                    .stage("prod", s -> {})
                    .build();

    /** The stores' command timeout. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    private final RedisClients clients;
    private final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

    WebSocketNodes(String redisUri) {
        clients = new RedisClients(redisUri);
    }

    /** Opens stores of this test with {@code policy} and {@link #TIMEOUT}. */
    RedisStores stores(FailurePolicy policy) {
        return clients.open(clients.stores().failurePolicy(policy).commandTimeout(TIMEOUT));
    }

    /** Returns a node of {@link #API}'s stage on {@code stores}. */
    WebSocketGateway node(RedisStores stores) {
        LambdaFunction fn =
                invocation -> {
                    String event = new String(invocation.payload(), StandardCharsets.UTF_8);
                    if (event.contains("\"DISCONNECT\"")) {
                        disconnects.add(event);
                    }
                    return LambdaResult.of("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
                };
        return WebSocketGateway.builder()
                .gateway(Gateway.create())
                .webSocketApi(API)
                .stage("prod")
                .lambda("chat", fn)
                .connectionStore(stores.connectionStore())
                .connectionRelay(stores.connectionRelay())
                .build();
    }

    /** Returns the {@code $disconnect} events the nodes' function got, in order. */
    BlockingQueue<String> disconnects() {
        return disconnects;
    }

    /** Connects a client to {@code node} and returns its connection id. */
    static String connect(WebSocketGateway node, RecordingSink sink) {
        ConnectResult result =
                node.connect(
                        ConnectRequest.builder().header("User-Agent", "client/1").build(), sink);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    @Override
    public void close() {
        clients.close();
    }
}
