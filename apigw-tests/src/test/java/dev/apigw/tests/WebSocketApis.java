package dev.apigw.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** WebSocket APIs of the scenario tests, and a function that records its events. */
final class WebSocketApis {
    static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:chat";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebSocketApis() {}

    /** Answers {@code {"statusCode":200,"body":"ROUTEKEY:BODY"}}. */
    static String echo(JsonNode event) {
        String text =
                event.path("requestContext").path("routeKey").asText()
                        + ":"
                        + event.path("body").asText();
        return JSON.createObjectNode().put("statusCode", 200).put("body", text).toString();
    }

    /**
     * The chat API: {@code $connect}, {@code $disconnect}, {@code sendmessage} (one-way), {@code
     * echo} (two-way) and, when {@code withDefault}, a two-way {@code $default}, all on the
     * function {@code chat}; route selection {@code $request.body.action}.
     */
    static WebSocketApi chat(boolean withDefault) {
        WebSocketApi.Builder api =
                WebSocketApi.builder("chat")
                        .id("chatapi123")
                        .routeSelectionExpression("$request.body.action")
                        .integration(WebSocketIntegration.builder("fn").lambdaProxy(ARN).build())
                        .route(WebSocketRoute.CONNECT, "fn")
                        .route(WebSocketRoute.DISCONNECT, "fn")
                        .route("sendmessage", "fn")
                        .route("echo", r -> r.integrationId("fn").twoWay())
                        .stage("prod", s -> {});
        if (withDefault) {
            api.route(WebSocketRoute.DEFAULT, r -> r.integrationId("fn").twoWay());
        }
        return api.build();
    }

    /**
     * A function recording its events and answering what {@code answer} makes of each, by default
     * {@code {"statusCode":200,"body":"ROUTEKEY:BODY"}}.
     */
    static final class Recorder implements LambdaFunction {
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final Function<JsonNode, String> answer;

        Recorder(Function<JsonNode, String> answer) {
            this.answer = answer;
        }

        Recorder() {
            this(WebSocketApis::echo);
        }

        @Override
        public LambdaResult invoke(LambdaInvocation invocation) {
            JsonNode event;
            try {
                event = JSON.readTree(invocation.payload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events.add(event);
            return LambdaResult.of(answer.apply(event).getBytes(StandardCharsets.UTF_8));
        }

        List<JsonNode> events() {
            return List.copyOf(events);
        }

        /** Returns the last event of a route. */
        JsonNode last(String routeKey) {
            JsonNode found = null;
            for (JsonNode event : events) {
                if (event.path("requestContext").path("routeKey").asText().equals(routeKey)) {
                    found = event;
                }
            }
            return found;
        }
    }
}
