package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketRouteSettings;
import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.LimitExceededException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The limits of WebSocket APIs through {@link WebSocketGateway}, by the account's manual clock
 * (reference 7.3, 9.4, 9.5): the account's 500 new connections a second across its WebSocket APIs,
 * refused with 429 before {@code $connect} runs; route throttling from the stage's {@code
 * defaultRouteSettings} and {@code routeSettings} on messages (the {@code Too Many Requests} error
 * frame, the integration not called, the connection open) and on upgrades; the account's throttle
 * on messages and {@code @connections} calls; a flooding connection throttled while the others keep
 * being served.
 */
class WebSocketLimitsScenarioTest {
    private static final Instant START = Instant.parse("2024-01-20T11:54:57.419Z");
    private static final String SEND = "{\"action\":\"sendmessage\"}";
    private static final String ECHO = "{\"action\":\"echo\"}";
    private static final String AUTHORIZER_ARN =
            "arn:aws:lambda:us-east-1:123456789012:function:auth";
    private static final ConnectResult TOO_MANY_REQUESTS =
            new ConnectResult.Refused(429, "{\"message\":\"Too Many Requests\"}");

    private final ManualClock clock = ManualClock.startingAt(START);
    private final WebSocketApis.Recorder fn = new WebSocketApis.Recorder();

    private Gateway account(Consumer<Gateway.Builder> spec) {
        Gateway.Builder b =
                Gateway.builder().clock(clock).random(new SplittableRandom(7)::nextLong);
        spec.accept(b);
        return b.build();
    }

    private WebSocketGateway gateway(Gateway account, WebSocketApi api) {
        return WebSocketGateway.builder()
                .gateway(account)
                .webSocketApi(api)
                .stage("prod")
                .lambda("chat", fn)
                .build();
    }

    /** The chat API (with {@code $default}) whose stage {@code prod} is {@code spec}'s. */
    private static WebSocketApi chat(Consumer<WebSocketStage.Builder> spec) {
        return WebSocketApis.chat(true).toBuilder().stage("prod", spec).build();
    }

    private static String accept(WebSocketGateway gateway, RecordingSink sink) {
        ConnectResult result = gateway.connect(ConnectRequest.builder().build(), sink);
        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    private long connectEvents() {
        return fn.events().stream()
                .filter(e -> e.path("requestContext").path("eventType").asText().equals("CONNECT"))
                .count();
    }

    private static void assertThrottledFrame(String text, String connectionId) {
        assertThat(text)
                .matches(
                        "\\{\"message\": \"Too Many Requests\", \"connectionId\":\""
                                + Pattern.quote(connectionId)
                                + "\", \"requestId\":\"[^\"]+\"\\}");
    }

    @Test
    void theAccountAdmits500NewConnectionsASecondThenRefuses429BeforeConnectRuns() {
        WebSocketGateway gateway = gateway(account(b -> {}), WebSocketApis.chat(true));
        for (int i = 0; i < 500; i++) {
            accept(gateway, new RecordingSink());
        }

        ConnectResult refused =
                gateway.connect(ConnectRequest.builder().build(), new RecordingSink());

        assertThat(refused).isEqualTo(TOO_MANY_REQUESTS);
        assertThat(connectEvents()).isEqualTo(500);
        clock.advance(Duration.ofMillis(2));
        accept(gateway, new RecordingSink());
        assertThat(gateway.connect(ConnectRequest.builder().build(), new RecordingSink()))
                .isInstanceOf(ConnectResult.Refused.class);
    }

    @Test
    void theNewConnectionLimitSpansEveryWebSocketApiOfTheAccount() {
        Gateway account = account(b -> b.newConnectionThrottle(new ThrottleSettings(3, 1)));
        WebSocketGateway chat = gateway(account, WebSocketApis.chat(true));
        WebSocketGateway other =
                gateway(account, WebSocketApis.chat(true).toBuilder().id("otherapi99").build());
        accept(chat, new RecordingSink());
        accept(other, new RecordingSink());
        accept(chat, new RecordingSink());

        assertThat(other.connect(ConnectRequest.builder().build(), new RecordingSink()))
                .extracting(r -> ((ConnectResult.Refused) r).statusCode())
                .isEqualTo(429);
        assertThat(chat.connect(ConnectRequest.builder().build(), new RecordingSink()))
                .isInstanceOf(ConnectResult.Refused.class);
        clock.advance(Duration.ofSeconds(1));
        accept(other, new RecordingSink());
    }

    @Test
    void aRefusedUpgradeRunsNeitherTheAuthorizerNorConnect() {
        Gateway account = account(b -> b.newConnectionThrottle(new ThrottleSettings(0, 0)));
        AtomicInteger authorizerCalls = new AtomicInteger();
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .authorizer(
                                WebSocketAuthorizer.lambda("auth", AUTHORIZER_ARN)
                                        .identitySource("route.request.header.Auth")
                                        .build())
                        .removeRoute(WebSocketRoute.CONNECT)
                        .route(WebSocketRoute.CONNECT, r -> r.integrationId("fn").custom("auth"))
                        .build();
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .gateway(account)
                        .webSocketApi(api)
                        .stage("prod")
                        .lambda("chat", fn)
                        .lambda(
                                "auth",
                                invocation -> {
                                    authorizerCalls.incrementAndGet();
                                    throw new IllegalStateException("not to be called");
                                })
                        .build();

        ConnectResult result =
                gateway.connect(
                        ConnectRequest.builder().header("Auth", "allow").build(),
                        new RecordingSink());

        assertThat(result).isEqualTo(TOO_MANY_REQUESTS);
        assertThat(authorizerCalls).hasValue(0);
        assertThat(fn.events()).isEmpty();
    }

    @Test
    void aThrottledMessageGetsTheErrorFrameSkipsTheIntegrationAndKeepsTheConnection() {
        WebSocketGateway gateway =
                gateway(
                        account(b -> {}),
                        chat(s -> s.defaultRouteSettings(WebSocketRouteSettings.throttled(2, 1))));
        RecordingSink sink = new RecordingSink();
        String id = accept(gateway, sink);

        for (int i = 0; i < 3; i++) {
            gateway.message(id, Frame.text(ECHO));
        }

        assertThat(sink.texts()).hasSize(3);
        assertThat(sink.texts().subList(0, 2)).containsOnly("echo:" + ECHO);
        assertThrottledFrame(sink.texts().get(2), id);
        assertThat(fn.events()).filteredOn(e -> e.path("body").asText().equals(ECHO)).hasSize(2);
        assertThat(sink.closes()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        gateway.message(id, Frame.text(ECHO));
        assertThat(sink.texts()).last().isEqualTo("echo:" + ECHO);
    }

    @Test
    void aRoutesOwnSettingsOverrideTheStageDefaults() {
        WebSocketGateway gateway =
                gateway(
                        account(b -> {}),
                        chat(
                                s ->
                                        s.defaultRouteSettings(
                                                        WebSocketRouteSettings.throttled(1, 1))
                                                .routeSettings(
                                                        WebSocketRoute.DEFAULT,
                                                        WebSocketRouteSettings.throttled(
                                                                100, 100))));
        RecordingSink sink = new RecordingSink();
        String id = accept(gateway, sink);

        gateway.message(id, Frame.text(ECHO));
        gateway.message(id, Frame.text(ECHO));
        for (int i = 0; i < 5; i++) {
            gateway.message(id, Frame.text("plain " + i));
        }

        assertThat(sink.texts().get(0)).isEqualTo("echo:" + ECHO);
        assertThrottledFrame(sink.texts().get(1), id);
        assertThat(sink.texts().subList(2, 7))
                .containsExactly(
                        "$default:plain 0",
                        "$default:plain 1",
                        "$default:plain 2",
                        "$default:plain 3",
                        "$default:plain 4");
    }

    @Test
    void aFloodingConnectionIsThrottledWhileTheOthersKeepBeingServed() {
        WebSocketGateway gateway =
                gateway(
                        account(b -> {}),
                        chat(
                                s ->
                                        s.routeSettings(
                                                "echo", WebSocketRouteSettings.throttled(10, 10))));
        RecordingSink floodSink = new RecordingSink();
        RecordingSink otherSink = new RecordingSink();
        String flood = accept(gateway, floodSink);
        String other = accept(gateway, otherSink);

        for (int i = 0; i < 1_000; i++) {
            gateway.message(flood, Frame.text(ECHO));
        }
        gateway.message(other, Frame.text("hello"));
        gateway.message(other, Frame.text(ECHO));

        assertThat(floodSink.texts()).hasSize(1_000);
        assertThat(floodSink.texts()).filteredOn(t -> t.equals("echo:" + ECHO)).hasSize(10);
        assertThat(floodSink.closes()).isEmpty();
        assertThat(otherSink.texts().get(0)).isEqualTo("$default:hello");
        assertThrottledFrame(otherSink.texts().get(1), other);
        clock.advance(Duration.ofMillis(100));
        gateway.message(other, Frame.text(ECHO));
        assertThat(otherSink.texts()).last().isEqualTo("echo:" + ECHO);
        assertThat(gateway.getConnection(flood)).isNotNull();
        accept(gateway, new RecordingSink());
    }

    @Test
    void theConnectRoutesSettingsThrottleUpgrades() {
        WebSocketGateway gateway =
                gateway(
                        account(b -> {}),
                        chat(
                                s ->
                                        s.routeSettings(
                                                WebSocketRoute.CONNECT,
                                                WebSocketRouteSettings.throttled(1, 1))));
        accept(gateway, new RecordingSink());

        assertThat(gateway.connect(ConnectRequest.builder().build(), new RecordingSink()))
                .isEqualTo(TOO_MANY_REQUESTS);
        assertThat(connectEvents()).isEqualTo(1);
    }

    @Test
    void aStageThrottledToZeroRefusesEveryUpgrade() {
        WebSocketGateway gateway =
                gateway(
                        account(b -> {}),
                        chat(s -> s.defaultRouteSettings(WebSocketRouteSettings.throttled(0, 0))));

        assertThat(gateway.connect(ConnectRequest.builder().build(), new RecordingSink()))
                .extracting(r -> ((ConnectResult.Refused) r).statusCode())
                .isEqualTo(429);
        assertThat(fn.events()).isEmpty();
    }

    @Test
    void theAccountsThrottleCountsMessagesOfEveryApiAndConnectionsCalls() {
        Gateway account = account(b -> b.accountThrottle(new ThrottleSettings(4, 1)));
        WebSocketGateway chat = gateway(account, WebSocketApis.chat(true));
        WebSocketGateway other =
                gateway(account, WebSocketApis.chat(true).toBuilder().id("otherapi99").build());
        RecordingSink chatSink = new RecordingSink();
        RecordingSink otherSink = new RecordingSink();
        String chatId = accept(chat, chatSink);
        String otherId = accept(other, otherSink);

        chat.message(chatId, Frame.text(ECHO));
        other.message(otherId, Frame.text(ECHO));
        chat.message(chatId, Frame.text(ECHO));

        assertThat(chatSink.texts().get(0)).isEqualTo("echo:" + ECHO);
        assertThat(otherSink.texts()).containsExactly("echo:" + ECHO);
        assertThrottledFrame(chatSink.texts().get(1), chatId);
        assertThatThrownBy(
                        () -> chat.postToConnection(chatId, "hi".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(
                        e -> {
                            LimitExceededException limit = (LimitExceededException) e;
                            assertThat(limit.statusCode()).isEqualTo(429);
                            assertThat(limit.errorType()).isEqualTo("LimitExceededException");
                        });
        clock.advance(Duration.ofSeconds(1));
        chat.postToConnection(chatId, "hi".getBytes(StandardCharsets.UTF_8));
        assertThat(chatSink.texts()).last().isEqualTo("hi");
    }

    @Test
    void disconnectIsNotThrottled() {
        WebSocketGateway gateway =
                gateway(
                        account(b -> {}),
                        chat(
                                s ->
                                        s.routeSettings(
                                                WebSocketRoute.DISCONNECT,
                                                WebSocketRouteSettings.throttled(0, 0))));
        String id = accept(gateway, new RecordingSink());

        gateway.disconnect(id, 1001, "");

        assertThat(fn.last(WebSocketRoute.DISCONNECT)).isNotNull();
        assertThatThrownBy(() -> gateway.getConnection(id)).isInstanceOf(GoneException.class);
    }

    @Test
    void aFailingRateLimitStoreRefusesTheUpgradeWith500AndNothingThrows() {
        WebSocketGateway gateway =
                gateway(
                        account(
                                b ->
                                        b.rateLimitStore(
                                                (key, limits) -> {
                                                    throw new IllegalStateException("store down");
                                                })),
                        WebSocketApis.chat(true));

        ConnectResult result =
                gateway.connect(ConnectRequest.builder().build(), new RecordingSink());

        assertThat(result)
                .isEqualTo(
                        new ConnectResult.Refused(500, "{\"message\": \"Internal server error\"}"));
        assertThat(fn.events()).isEmpty();
    }
}
