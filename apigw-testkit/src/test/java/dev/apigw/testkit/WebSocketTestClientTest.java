package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketTestClient} against in-process WebSocket APIs: the classic chat sample with three
 * clients, a refused {@code $connect}, two-way routes and error frames, frames posted from other
 * threads, and closes from either side with their codes (reference 2.6, 7.3, 7.4, 9.5).
 */
class WebSocketTestClientTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:chat";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The chat API: {@code $connect}, {@code $disconnect}, {@code sendmessage} (one-way) and a
     * two-way {@code $default}, all on the function {@code chat}.
     */
    private static WebSocketApi chatApi() {
        return WebSocketApi.builder("chat")
                .id("chatapi123")
                .routeSelectionExpression("$request.body.action")
                .integration(WebSocketIntegration.builder("fn").lambdaProxy(ARN).build())
                .route(WebSocketRoute.CONNECT, "fn")
                .route(WebSocketRoute.DISCONNECT, "fn")
                .route("sendmessage", "fn")
                .route(WebSocketRoute.DEFAULT, r -> r.integrationId("fn").twoWay())
                .stage("prod", s -> {})
                .build();
    }

    private static WebSocketGateway gateway(WebSocketApi api, LambdaFunction function) {
        return WebSocketGateway.builder()
                .webSocketApi(api)
                .stage("prod")
                .lambda("chat", function)
                .build();
    }

    private static WebSocketGateway chat(ChatHandler handler) {
        WebSocketGateway gateway = gateway(chatApi(), handler);
        handler.useConnectionsOf(gateway);
        return gateway;
    }

    private static String message(String data) {
        return JSON.createObjectNode().put("action", "sendmessage").put("data", data).toString();
    }

    @Test
    void chatBroadcastsEveryMessageToTheThreeClients() {
        ChatHandler handler = new ChatHandler();
        WebSocketGateway gateway = chat(handler);

        try (WebSocketTestClient alice = WebSocketTestClient.connect(gateway);
                WebSocketTestClient bob = WebSocketTestClient.connect(gateway);
                WebSocketTestClient carol = WebSocketTestClient.connect(gateway)) {
            alice.send(message("hello from alice"));
            bob.send(message("hi alice"));

            for (WebSocketTestClient client : List.of(alice, bob, carol)) {
                assertThat(client.awaitText()).isEqualTo("hello from alice");
                assertThat(client.awaitText()).isEqualTo("hi alice");
            }
            assertThat(handler.connections())
                    .containsExactlyInAnyOrder(
                            alice.connectionId(), bob.connectionId(), carol.connectionId());
            assertThat(handler.threads()).doesNotContain(Thread.currentThread().getName());
        }
        assertThat(handler.connections()).isEmpty();
    }

    @Test
    void aClosedClientLeavesTheChatThroughDisconnect() {
        ChatHandler handler = new ChatHandler();
        WebSocketGateway gateway = chat(handler);
        WebSocketTestClient alice = WebSocketTestClient.connect(gateway);
        WebSocketTestClient bob = WebSocketTestClient.connect(gateway);
        WebSocketTestClient carol = WebSocketTestClient.connect(gateway);

        carol.close();
        alice.send(message("who is here?"));

        assertThat(alice.awaitText()).isEqualTo("who is here?");
        assertThat(bob.awaitText()).isEqualTo("who is here?");
        assertThat(carol.frames()).isEmpty();
        assertThat(carol.isClosed()).isTrue();
        assertThat(carol.closeCode()).hasValue(1000);
        assertThat(handler.connections())
                .containsExactlyInAnyOrder(alice.connectionId(), bob.connectionId());
    }

    @Test
    void refusedConnectGivesTheStatusAndOpensNothing() {
        LambdaFunction refusing =
                invocation ->
                        LambdaResult.of(
                                "{\"statusCode\":403,\"body\":\"no entry\"}"
                                        .getBytes(StandardCharsets.UTF_8));
        WebSocketTestClient client =
                WebSocketTestClient.connect(
                        gateway(chatApi(), refusing),
                        ConnectRequest.builder().queryParameter("name", "mallory").build());

        assertThat(client.accepted()).isFalse();
        assertThat(client.statusCode()).isEqualTo(403);
        assertThat(client.connectResult()).isEqualTo(new ConnectResult.Refused(403, "no entry"));
        assertThat(client.isClosed()).isFalse();
        assertThat(client.closeCode()).isEmpty();
        assertThatThrownBy(client::connectionId)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("refused it with 403 no entry");
        assertThatThrownBy(() -> client.send("{}")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.awaitFrame(Duration.ofSeconds(30)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("refused with 403");
        client.close();
    }

    @Test
    void connectSendsTheRequestsHeadersAndQueryToConnect() {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        WebSocketTestClient client =
                WebSocketTestClient.connect(
                        gateway(chatApi(), recording(events)),
                        ConnectRequest.builder()
                                .header("Auth", "secret")
                                .queryParameter("room", "42")
                                .build());

        assertThat(client.statusCode()).isEqualTo(101);
        JsonNode connect = events.get(0);
        assertThat(connect.path("headers").path("Auth").asText()).isEqualTo("secret");
        assertThat(connect.path("queryStringParameters").path("room").asText()).isEqualTo("42");
        assertThat(connect.path("requestContext").path("connectionId").asText())
                .isEqualTo(client.connectionId());
    }

    @Test
    void twoWayDefaultAnswersAndBinaryFramesGoToIt() {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        WebSocketTestClient client =
                WebSocketTestClient.connect(gateway(chatApi(), recording(events)));

        client.send("not json");
        client.sendBinary(new byte[] {1, 2, 3});

        assertThat(client.awaitText()).isEqualTo("$default:not json");
        assertThat(client.awaitText()).isEqualTo("$default:AQID");
        assertThat(client.texts()).containsExactly("$default:not json", "$default:AQID");
        assertThat(events.get(2).path("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void withoutDefaultAnUnmatchedMessageGetsTheForbiddenErrorFrame() {
        WebSocketApi api = chatApi().toBuilder().removeRoute(WebSocketRoute.DEFAULT).build();
        WebSocketTestClient client =
                WebSocketTestClient.connect(gateway(api, recording(new CopyOnWriteArrayList<>())));

        client.send("{\"action\":\"dance\"}");

        assertThat(client.awaitText())
                .startsWith(
                        "{\"message\": \"Forbidden\", \"connectionId\":\""
                                + client.connectionId()
                                + "\"");
    }

    @Test
    void awaitFrameReceivesAFramePostedFromAnotherThread() {
        WebSocketGateway gateway = chat(new ChatHandler());
        WebSocketTestClient client = WebSocketTestClient.connect(gateway);

        CompletableFuture<Void> post =
                CompletableFuture.runAsync(
                        () ->
                                gateway.postToConnection(
                                        client.connectionId(),
                                        "from elsewhere".getBytes(StandardCharsets.UTF_8)));

        assertThat(client.awaitFrame()).isEqualTo(Frame.text("from elsewhere"));
        post.join();
        assertThat(client.frames()).containsExactly(Frame.text("from elsewhere"));
    }

    @Test
    void awaitFrameFailsAfterItsTimeoutNamingWhatCame() {
        WebSocketTestClient client = WebSocketTestClient.connect(chat(new ChatHandler()));
        client.send(message("only one"));
        assertThat(client.awaitText()).isEqualTo("only one");

        assertThatThrownBy(() -> client.awaitFrame(Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("within PT0.02S")
                .hasMessageContaining("none came")
                .hasMessageContaining("only one");
    }

    @Test
    void aMessagePast128KbClosesWith1009AndAwaitFrameFailsAtOnce() {
        ChatHandler handler = new ChatHandler();
        WebSocketTestClient client = WebSocketTestClient.connect(chat(handler));

        client.sendBinary(new byte[WebSocketGateway.MAX_MESSAGE_BYTES + 1]);

        assertThat(client.isClosed()).isTrue();
        assertThat(client.closeCode()).hasValue(1009);
        assertThat(client.closeReason()).isEqualTo("Message too big");
        assertThat(handler.connections()).isEmpty();
        assertThatThrownBy(() -> client.awaitFrame(Duration.ofSeconds(30)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("closed with 1009 Message too big");
        assertThatThrownBy(() -> client.send("more"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1009");
    }

    @Test
    void aClientCloseCarriesItsCodeAndReasonToDisconnect() {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        WebSocketTestClient client =
                WebSocketTestClient.connect(gateway(chatApi(), recording(events)));

        client.close(4000, "bye");
        client.close();

        assertThat(client.closeCode()).hasValue(4000);
        assertThat(client.closeReason()).isEqualTo("bye");
        JsonNode disconnect = events.get(events.size() - 1).path("requestContext");
        assertThat(disconnect.path("eventType").asText()).isEqualTo("DISCONNECT");
        assertThat(disconnect.path("disconnectStatusCode").asInt()).isEqualTo(4000);
        assertThat(disconnect.path("disconnectReason").asText()).isEqualTo("bye");
        assertThat(events).hasSize(2);
        assertThatThrownBy(() -> client.close(1005, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteConnectionFromAnotherThreadClosesTheClientWith1000() {
        WebSocketGateway gateway = chat(new ChatHandler());
        WebSocketTestClient client = WebSocketTestClient.connect(gateway);

        CompletableFuture.runAsync(() -> gateway.deleteConnection(client.connectionId()));

        assertThat(client.awaitClose()).isEqualTo(1000);
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void awaitCloseFailsWhileTheConnectionStaysOpen() {
        WebSocketTestClient client = WebSocketTestClient.connect(chat(new ChatHandler()));

        assertThatThrownBy(() -> client.awaitClose(Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("still open");
    }

    /**
     * A function recording its events and answering {@code
     * {"statusCode":200,"body":"ROUTEKEY:BODY"}}.
     */
    private static LambdaFunction recording(List<JsonNode> events) {
        return invocation -> {
            JsonNode event;
            try {
                event = JSON.readTree(invocation.payload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events.add(event);
            String body =
                    event.path("requestContext").path("routeKey").asText()
                            + ":"
                            + event.path("body").asText();
            return LambdaResult.of(
                    JSON.createObjectNode()
                            .put("statusCode", 200)
                            .put("body", body)
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
        };
    }
}
