package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.ConnectionInfo;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.ManageConnectionsException;
import dev.apigw.runtime.websocket.PayloadTooLargeException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket API through {@link WebSocketGateway} with a recording sink (reference 2.6, 7.3, 7.4):
 * {@code $connect} accepting and refusing, route selection, one-way and two-way routes, error
 * frames, the {@code @connections} methods and their 410, {@code $disconnect}.
 */
class WebSocketScenarioTest {
    private static final Instant START = Instant.parse("2024-01-20T11:54:57.419Z");

    private final ManualClock clock = ManualClock.startingAt(START);
    private final Gateway account =
            Gateway.builder().clock(clock).random(new SplittableRandom(7)::nextLong).build();
    private final RecordingSink sink = new RecordingSink();

    private WebSocketGateway gateway(WebSocketApi api, LambdaFunction function) {
        return WebSocketGateway.builder()
                .gateway(account)
                .webSocketApi(api)
                .stage("prod")
                .lambda("chat", function)
                .build();
    }

    /** A function that throws for events of {@code eventType} and answers {@code {}} to others. */
    private static LambdaFunction throwingOn(String eventType) {
        return invocation -> {
            if (new String(invocation.payload(), StandardCharsets.UTF_8).contains(eventType)) {
                throw new IllegalStateException(eventType + " handler broke");
            }
            return LambdaResult.of("{}".getBytes(StandardCharsets.UTF_8));
        };
    }

    private static ConnectRequest request() {
        return ConnectRequest.builder()
                .header("Host", "chatapi123.execute-api.us-east-1.amazonaws.com")
                .header("User-Agent", "test-agent")
                .header("Sec-WebSocket-Protocol", "chat")
                .queryParameter("name", "me")
                .sourceIp("203.0.113.7")
                .build();
    }

    private String connect(WebSocketGateway gateway) {
        ConnectResult result = gateway.connect(request(), sink);
        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    @Test
    void connectWithoutConnectRouteAccepts() {
        WebSocketApi api = WebSocketApis.chat(true).toBuilder().removeRoute("$connect").build();
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        String id = connect(gateway(api, fn));

        assertThat(id).matches("[A-Za-z0-9+/]{15}=");
        assertThat(fn.events()).isEmpty();
    }

    @Test
    void connectAnswer200AcceptsAndEchoesTheSubprotocol() {
        WebSocketApis.Recorder fn =
                new WebSocketApis.Recorder(
                        e ->
                                "{\"statusCode\":200,\"headers\":{\"sec-websocket-protocol\":"
                                        + "\"chat\",\"X-Other\":\"x\"}}");
        ConnectResult result = gateway(WebSocketApis.chat(true), fn).connect(request(), sink);

        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        assertThat(((ConnectResult.Accepted) result).headers())
                .containsExactly(Map.entry("Sec-WebSocket-Protocol", "chat"));
        JsonNode context = fn.last("$connect").path("requestContext");
        assertThat(context.path("eventType").asText()).isEqualTo("CONNECT");
        assertThat(context.path("connectionId").asText())
                .isEqualTo(((ConnectResult.Accepted) result).connectionId());
        assertThat(context.path("identity").path("sourceIp").asText()).isEqualTo("203.0.113.7");
        assertThat(fn.last("$connect").path("queryStringParameters").path("name").asText())
                .isEqualTo("me");
    }

    @Test
    void connectAnswerOtherThan2xxRefusesWithThatStatusAndBody() {
        WebSocketApis.Recorder fn =
                new WebSocketApis.Recorder(e -> "{\"statusCode\":403,\"body\":\"go away\"}");
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);

        assertThat(gateway.connect(request(), sink))
                .isEqualTo(new ConnectResult.Refused(403, "go away"));
        String id = fn.last("$connect").path("requestContext").path("connectionId").asText();
        assertThatThrownBy(() -> gateway.getConnection(id)).isInstanceOf(GoneException.class);
    }

    @Test
    void connectFunctionErrorRefusesWith502() {
        LambdaFunction failing =
                invocation -> LambdaResult.functionError("boom", "Error", List.of());
        ConnectResult result = gateway(WebSocketApis.chat(true), failing).connect(request(), sink);

        assertThat(result).isInstanceOf(ConnectResult.Refused.class);
        assertThat(((ConnectResult.Refused) result).statusCode()).isEqualTo(502);
    }

    @Test
    void connectWithAnUnboundFunctionRefusesWith500() {
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .gateway(account)
                        .webSocketApi(WebSocketApis.chat(true))
                        .stage("prod")
                        .build();

        assertThat(gateway.connect(request(), sink))
                .isEqualTo(
                        new ConnectResult.Refused(500, "{\"message\": \"Internal server error\"}"));
    }

    @Test
    void connectOnAnAuthorizedRouteWithoutItsIdentitySourceIsRefused401() {
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .authorizer(
                                WebSocketAuthorizer.lambda("auth", WebSocketApis.ARN)
                                        .identitySource("route.request.header.Auth")
                                        .build())
                        .removeRoute(WebSocketRoute.CONNECT)
                        .route(WebSocketRoute.CONNECT, r -> r.integrationId("fn").custom("auth"))
                        .build();
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();

        ConnectResult result = gateway(api, fn).connect(request(), sink);

        assertThat(result)
                .isEqualTo(new ConnectResult.Refused(401, "{\"message\":\"Unauthorized\"}"));
        assertThat(fn.events()).isEmpty();
    }

    @Test
    void mockConnectAccepts() {
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .integration(WebSocketIntegration.builder("mock").mock().build())
                        .removeRoute(WebSocketRoute.CONNECT)
                        .route(WebSocketRoute.CONNECT, "mock")
                        .build();
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();

        connect(gateway(api, fn));

        assertThat(fn.events()).isEmpty();
    }

    @Test
    void aMockMessageRouteAnswersNothingEvenTwoWay() {
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .integration(WebSocketIntegration.builder("mock").mock().build())
                        .removeRoute("echo")
                        .route("echo", r -> r.integrationId("mock").twoWay())
                        .build();
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(api, fn);
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\"}"));

        assertThat(sink.frames()).isEmpty();
        assertThat(fn.events())
                .extracting(e -> e.path("requestContext").path("routeKey").asText())
                .containsExactly("$connect");
        assertThat(gateway.webSocketApi()).isEqualTo(api);
        assertThat(gateway.stage().stageName()).isEqualTo("prod");
    }

    @Test
    void theActionSelectsTheRouteAndAOneWayRouteAnswersNothing() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"sendmessage\",\"data\":\"hi\"}"));

        JsonNode event = fn.last("sendmessage");
        assertThat(event.path("requestContext").path("eventType").asText()).isEqualTo("MESSAGE");
        assertThat(event.path("body").asText())
                .isEqualTo("{\"action\":\"sendmessage\",\"data\":\"hi\"}");
        assertThat(sink.frames()).isEmpty();
    }

    @Test
    void aTwoWayRouteSendsTheFunctionsBodyBack() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), new WebSocketApis.Recorder());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\"}"));

        assertThat(sink.texts()).containsExactly("echo:{\"action\":\"echo\"}");
    }

    @Test
    void anUnknownActionANonJsonMessageAndABinaryFrameGoToDefault() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"dance\"}"));
        gateway.message(id, Frame.text("hello there"));
        gateway.message(id, Frame.text("{\"no\":\"action\"}"));
        gateway.message(id, Frame.binary(new byte[] {1, 2, 3}));

        assertThat(sink.texts())
                .containsExactly(
                        "$default:{\"action\":\"dance\"}",
                        "$default:hello there",
                        "$default:{\"no\":\"action\"}",
                        "$default:AQID");
        JsonNode binary = fn.last("$default");
        assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void withoutDefaultAnUnmatchedMessageGetsTheForbiddenErrorFrame() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(false), fn);
        String id = connect(gateway);

        gateway.message(id, Frame.text("not json"));

        assertThat(sink.texts()).hasSize(1);
        assertThat(sink.texts().get(0))
                .matches(
                        "\\{\"message\": \"Forbidden\", \"connectionId\":\""
                                + id.replace("+", "\\+")
                                + "\", \"requestId\":\"[A-Za-z0-9+/]{15}=\"\\}");
        assertThat(fn.events()).hasSize(1);
    }

    @Test
    void aFailingFunctionSendsTheInternalServerErrorFrame() {
        LambdaFunction throwing = throwingOn("MESSAGE");
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), throwing);
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"sendmessage\"}"));

        assertThat(sink.texts())
                .singleElement()
                .asString()
                .startsWith("{\"message\": \"Internal server error\", \"connectionId\":\"" + id);
    }

    @Test
    void anHttpProxyIntegrationNobodyListensToFailsAsAnIntegrationFailure() {
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .integration(
                                WebSocketIntegration.builder("http")
                                        .integrationType(IntegrationType.HTTP_PROXY)
                                        .integrationUri(
                                                "http://127.0.0.1:"
                                                        + LocalHttpServer.closedPort()
                                                        + "/")
                                        .integrationMethod("POST")
                                        .build())
                        .removeRoute("sendmessage")
                        .route("sendmessage", "http")
                        .build();
        WebSocketGateway gateway = gateway(api, new WebSocketApis.Recorder());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"sendmessage\"}"));

        assertThat(sink.texts()).singleElement().asString().contains("Internal server error");
    }

    @Test
    void theConnectionsApiPostsGetsAndDeletes() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);
        String id = connect(gateway);
        clock.advance(Duration.ofSeconds(5));

        gateway.postToConnection(id, "hello".getBytes(StandardCharsets.UTF_8));
        gateway.postToConnection(id, new byte[] {(byte) 0xff, 0});
        ConnectionInfo info = gateway.getConnection(id);
        gateway.deleteConnection(id);

        assertThat(sink.frames())
                .containsExactly(Frame.text("hello"), Frame.binary(new byte[] {(byte) 0xff, 0}));
        assertThat(info)
                .isEqualTo(
                        new ConnectionInfo(
                                START, "203.0.113.7", "test-agent", START.plusSeconds(5)));
        assertThat(sink.closes()).containsExactly(new RecordingSink.Close(1000, ""));
        JsonNode disconnect = fn.last("$disconnect").path("requestContext");
        assertThat(disconnect.path("disconnectStatusCode").asInt()).isEqualTo(1000);
        assertThat(disconnect.path("connectionId").asText()).isEqualTo(id);
    }

    @Test
    void everyConnectionsMethodAnswers410AfterDisconnect() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), new WebSocketApis.Recorder());
        String id = connect(gateway);

        gateway.disconnect(id, 1001, "");

        assertThatThrownBy(() -> gateway.postToConnection(id, new byte[] {'x'}))
                .isInstanceOf(GoneException.class)
                .extracting(e -> ((ManageConnectionsException) e).statusCode())
                .isEqualTo(410);
        assertThatThrownBy(() -> gateway.getConnection(id)).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> gateway.deleteConnection(id))
                .isInstanceOf(GoneException.class)
                .extracting(e -> ((ManageConnectionsException) e).errorType())
                .isEqualTo("GoneException");
        assertThatThrownBy(() -> gateway.getConnection("L0SM9cOFvHcCIhw="))
                .isInstanceOf(GoneException.class);
    }

    @Test
    void aPostPast128KbAnswers413() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), new WebSocketApis.Recorder());
        String id = connect(gateway);

        assertThatThrownBy(() -> gateway.postToConnection(id, new byte[128 * 1024 + 1]))
                .isInstanceOf(PayloadTooLargeException.class)
                .extracting(e -> ((ManageConnectionsException) e).statusCode())
                .isEqualTo(413);
        assertThat(sink.frames()).isEmpty();
    }

    @Test
    void aMessagePast128KbClosesWith1009AndRunsDisconnect() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);
        String id = connect(gateway);

        gateway.message(id, Frame.text("x".repeat(128 * 1024 + 1)));

        assertThat(sink.closes()).containsExactly(new RecordingSink.Close(1009, "Message too big"));
        assertThat(
                        fn.last("$disconnect")
                                .path("requestContext")
                                .path("disconnectStatusCode")
                                .asInt())
                .isEqualTo(1009);
        assertThatThrownBy(() -> gateway.getConnection(id)).isInstanceOf(GoneException.class);
    }

    @Test
    void disconnectCarriesTheCloseCodeAndReasonAndRunsOnce() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);
        String id = connect(gateway);
        clock.advance(Duration.ofSeconds(11));

        gateway.disconnect(id, 1001, "going away");
        gateway.disconnect(id, 1001, "going away");

        JsonNode event = fn.last("$disconnect");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("eventType").asText()).isEqualTo("DISCONNECT");
        assertThat(context.path("disconnectStatusCode").asInt()).isEqualTo(1001);
        assertThat(context.path("disconnectReason").asText()).isEqualTo("going away");
        assertThat(context.path("connectedAt").asLong()).isEqualTo(START.toEpochMilli());
        assertThat(context.path("requestTimeEpoch").asLong())
                .isEqualTo(START.plusSeconds(11).toEpochMilli());
        assertThat(event.path("headers").path("Host").asText())
                .isEqualTo("chatapi123.execute-api.us-east-1.amazonaws.com");
        assertThat(fn.events().stream().filter(WebSocketScenarioTest::isDisconnect)).hasSize(1);
    }

    private static boolean isDisconnect(JsonNode event) {
        return event.path("requestContext").path("eventType").asText().equals("DISCONNECT");
    }

    @Test
    void aDisconnectHandlerThatThrowsIsLoggedAndTheConnectionStillEnds() {
        LambdaFunction throwing = throwingOn("DISCONNECT");
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), throwing);
        String id = connect(gateway);
        String other = connect(gateway);

        gateway.disconnect(id, 1001, "");

        assertThatThrownBy(() -> gateway.getConnection(id)).isInstanceOf(GoneException.class);
        gateway.postToConnection(other, "still here".getBytes(StandardCharsets.UTF_8));
        assertThat(sink.texts()).containsExactly("still here");
    }

    @Test
    void aMessageForAConnectionThatIsNotOpenIsDropped() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);

        gateway.message("L0SM9cOFvHcCIhw=", Frame.text("{\"action\":\"echo\"}"));
        gateway.message(null, null);
        gateway.disconnect(null, 1000, null);

        assertThat(fn.events()).isEmpty();
        assertThat(sink.frames()).isEmpty();
    }

    @Test
    void closeExpiredEndsConnectionsIdleFor10MinutesAndOpenFor2Hours() {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);
        RecordingSink idleSink = new RecordingSink();
        String idle =
                ((ConnectResult.Accepted) gateway.connect(request(), idleSink)).connectionId();
        String busy = connect(gateway);

        clock.advance(Duration.ofMinutes(9));
        gateway.message(busy, Frame.text("{\"action\":\"sendmessage\"}"));
        assertThat(gateway.closeExpired()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(gateway.closeExpired()).isEqualTo(1);

        assertThat(idleSink.closes()).containsExactly(new RecordingSink.Close(1001, "Going away"));
        assertThatThrownBy(() -> gateway.getConnection(idle)).isInstanceOf(GoneException.class);
        assertThat(fn.last("$disconnect").path("requestContext").path("connectionId").asText())
                .isEqualTo(idle);
        for (int minutes = 10; minutes < 120; minutes += 5) {
            clock.advance(Duration.ofMinutes(5));
            gateway.message(busy, Frame.text("{\"action\":\"sendmessage\"}"));
            assertThat(gateway.closeExpired())
                    .as("after %d minutes", minutes + 5)
                    .isEqualTo(minutes + 5 >= 120 ? 1 : 0);
        }
        assertThat(sink.closes()).containsExactly(new RecordingSink.Close(1001, "Going away"));
    }

    @Test
    void aLambdaProxyIntegrationNamingNoFunctionFailsTheBuildNamingIt() {
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .integration(
                                WebSocketIntegration.builder("fn")
                                        .lambdaProxy("arn:aws:lambda:us-east-1:123:layer:x")
                                        .build())
                        .build();

        assertThatThrownBy(() -> gateway(api, new WebSocketApis.Recorder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("integration fn: Invalid Lambda function ARN");
    }

    @Test
    void aStageTheApiDoesNotHaveFailsTheBuild() {
        assertThatThrownBy(
                        () ->
                                WebSocketGateway.builder()
                                        .gateway(account)
                                        .webSocketApi(WebSocketApis.chat(true))
                                        .stage("dev")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stage dev");
    }
}
