package dev.apigw.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classic AWS chat sample's logic as one function (the simple-websockets-chat-app): {@code
 * $connect} stores the connection id, {@code $disconnect} forgets it, {@code sendmessage} posts its
 * {@code data} to every stored connection through {@code @connections} and forgets those that are
 * gone (410). The gateway is given after it is built, as the sample reads its endpoint from the
 * event.
 */
final class ChatHandler implements LambdaFunction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OK = "{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8);

    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final AtomicReference<WebSocketGateway> management = new AtomicReference<>();

    /** Sets the gateway whose {@code @connections} the handler posts to. */
    void useConnectionsOf(WebSocketGateway gateway) {
        management.set(gateway);
    }

    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        threads.add(Thread.currentThread().getName());
        JsonNode event = read(invocation.payload());
        String connectionId = event.path("requestContext").path("connectionId").asText();
        switch (event.path("requestContext").path("routeKey").asText()) {
            case "$connect" -> connections.add(connectionId);
            case "$disconnect" -> connections.remove(connectionId);
            case "sendmessage" -> broadcast(read(event.path("body").asText()).path("data"));
            default -> {
                return LambdaResult.of(
                        "{\"statusCode\":400,\"body\":\"unknown action\"}"
                                .getBytes(StandardCharsets.UTF_8));
            }
        }
        return LambdaResult.of(OK);
    }

    private void broadcast(JsonNode data) {
        byte[] message = data.asText().getBytes(StandardCharsets.UTF_8);
        for (String connectionId : connections) {
            try {
                management.get().postToConnection(connectionId, message);
            } catch (GoneException e) {
                connections.remove(connectionId);
            }
        }
    }

    /** Returns the connection ids stored. */
    Set<String> connections() {
        return Set.copyOf(connections);
    }

    /** Returns the names of the threads the function ran on. */
    List<String> threads() {
        return List.copyOf(threads);
    }

    private static JsonNode read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
