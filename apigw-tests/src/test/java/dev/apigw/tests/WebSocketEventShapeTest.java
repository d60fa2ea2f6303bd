package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket Lambda proxy events we send (reference 2.6) have the fields of the events AWS sent
 * in {@code shared/corpus/events/aws-lambda-go} ({@code apigw-websocket-request-*.json}): the same
 * field paths, JSON types and order for a message and {@code $disconnect}; for {@code $connect},
 * whose sample mixes REST fields in, the WebSocket fields of its {@code requestContext}. Skipped
 * without the corpus.
 */
class WebSocketEventShapeTest {
    private static final Set<String> MAPS = Set.of("headers", "multiValueHeaders");

    private final WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
    private final RecordingSink sink = new RecordingSink();
    private WebSocketGateway gateway;
    private String id;

    @BeforeEach
    void connect() {
        gateway =
                WebSocketGateway.builder()
                        .gateway(Gateway.create())
                        .webSocketApi(WebSocketApis.chat(true))
                        .stage("prod")
                        .lambda("chat", fn)
                        .build();
        ConnectRequest request =
                ConnectRequest.builder()
                        .header("Host", "chatapi123.execute-api.us-east-1.amazonaws.com")
                        .header("User-Agent", "Mozilla/5.0")
                        .header("Sec-WebSocket-Version", "13")
                        .queryParameter("name", "me")
                        .sourceIp("49.105.91.154")
                        .build();
        id = ((ConnectResult.Accepted) gateway.connect(request, sink)).connectionId();
    }

    private static List<String> paths(JsonNode event) {
        List<String> paths = new ArrayList<>();
        EventShapes.shape(event, MAPS).forEach((path, type) -> paths.add(path + ":" + type));
        return paths;
    }

    private static List<String> order(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theMessageEventIsShapedAsAwsSendsIt() throws IOException {
        JsonNode expected = EventShapes.sample("apigw-websocket-request-send-message.json");

        gateway.message(id, Frame.text("{\r\n\t\"a\": 1\r\n}"));

        JsonNode event = fn.last("$default");
        assertThat(paths(event)).containsExactlyInAnyOrderElementsOf(paths(expected));
        assertThat(order(event)).isEqualTo(order(expected));
        assertThat(order(event.get("requestContext")))
                .isEqualTo(order(expected.get("requestContext")));
        assertThat(event.get("body")).isEqualTo(expected.get("body"));
        assertThat(event.path("requestContext").path("messageId").asText()).hasSize(16);
    }

    @Test
    void theDisconnectEventIsShapedAsAwsSendsIt() throws IOException {
        JsonNode expected = EventShapes.sample("apigw-websocket-request-disconnect.json");

        gateway.disconnect(id, 1001, "");

        JsonNode event = fn.last("$disconnect");
        assertThat(paths(event)).containsExactlyInAnyOrderElementsOf(paths(expected));
        assertThat(order(event)).isEqualTo(order(expected));
        assertThat(order(event.get("requestContext")))
                .isEqualTo(order(expected.get("requestContext")));
        assertThat(order(event.get("headers"))).isEqualTo(order(expected.get("headers")));
        assertThat(event.path("headers").path("x-api-key").asText()).isEmpty();
    }

    @Test
    void theConnectEventHasTheWebSocketFieldsOfTheSample() throws IOException {
        JsonNode expected = EventShapes.sample("apigw-websocket-request.json");

        JsonNode event = fn.last("$connect");

        List<String> sampleContext = order(expected.get("requestContext"));
        assertThat(sampleContext).containsAll(order(event.get("requestContext")));
        for (String field : order(event.get("requestContext"))) {
            JsonNodeType type = expected.get("requestContext").get(field).getNodeType();
            assertThat(event.get("requestContext").get(field).getNodeType())
                    .as(field)
                    .isEqualTo(type);
        }
        assertThat(order(event))
                .containsExactly(
                        "headers",
                        "multiValueHeaders",
                        "queryStringParameters",
                        "multiValueQueryStringParameters",
                        "requestContext",
                        "isBase64Encoded");
        assertThat(event.get("multiValueQueryStringParameters"))
                .isEqualTo(expected.get("multiValueQueryStringParameters"));
        assertThat(event.path("requestContext").path("requestId").asText())
                .isEqualTo(event.path("requestContext").path("extendedRequestId").asText());
        assertThat(event.path("headers").properties())
                .extracting(Map.Entry::getKey)
                .contains("Host", "User-Agent", "Sec-WebSocket-Version");
    }
}
