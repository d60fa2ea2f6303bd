package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.LoggingLevel;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRouteSettings;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.AccessLogSink;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.testkit.ManualClock;
import dev.apigw.testkit.RecordingLoggers;
import dev.apigw.testkit.RecordingLoggers.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The execution logs and access logs of a WebSocket API (reference 10.2, 10.3, 1.2) through {@link
 * WebSocketGateway}: one access-log line per {@code $connect}, message and {@code $disconnect} in
 * the stage's {@code accessLogSettings.format}, with the WebSocket {@code $context} variables, to
 * the account's {@link AccessLogSink}; execution-log lines in {@code
 * API-Gateway-Execution-Logs_{apiId}/{stage}} at the route's {@code loggingLevel}.
 */
class WebSocketLogsScenarioTest {
    private static final String ARN = "arn:aws:logs:us-east-1:123456789012:log-group:ws-access";
    private static final String FORMAT =
            "$context.requestId $context.eventType $context.routeKey $context.connectionId"
                    + " $context.messageId $context.status $context.integrationStatus"
                    + " $context.integrationLatency $context.error.message $context.stage";
    private static final String GROUP = "API-Gateway-Execution-Logs_chatapi123/prod";

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-05-06T07:00:00Z"));
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> destinations = new CopyOnWriteArrayList<>();
    private final AccessLogSink recording =
            (destination, line) -> {
                destinations.add(destination);
                lines.add(line);
            };
    private final RecordingLoggers logs = new RecordingLoggers();
    private final RecordingSink sink = new RecordingSink();

    private WebSocketGateway gateway(WebSocketApi api) {
        LambdaFunction function =
                invocation -> {
                    clock.advance(Duration.ofMillis(25));
                    if (new String(invocation.payload(), StandardCharsets.UTF_8).contains("boom")) {
                        throw new IllegalStateException("function broke");
                    }
                    return new WebSocketApis.Recorder().invoke(invocation);
                };
        return WebSocketGateway.builder()
                .gateway(
                        Gateway.builder()
                                .clock(clock)
                                .random(new SplittableRandom(5)::nextLong)
                                .accessLog(recording)
                                .executionLogs(logs)
                                .build())
                .webSocketApi(api)
                .stage("prod")
                .lambda("chat", function)
                .build();
    }

    private static WebSocketApi api(Consumer<dev.apigw.model.WebSocketStage.Builder> stage) {
        return WebSocketApis.chat(false).toBuilder().stage("prod", stage).build();
    }

    private static WebSocketApi accessLogged() {
        return api(s -> s.accessLogSettings(new AccessLogSettings(FORMAT, ARN)));
    }

    private String connect(WebSocketGateway gateway) {
        ConnectResult result = gateway.connect(ConnectRequest.builder().build(), sink);
        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    @Test
    void accessLog_oneLinePerConnectMessageAndDisconnect() {
        WebSocketGateway gateway = gateway(accessLogged());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\"}"));
        gateway.disconnect(id, 1001, "Going away");

        assertThat(destinations).containsOnly(ARN);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split(" "))
                .as("$connect: no message id, no error")
                .containsSubsequence("CONNECT", "$connect", id, "-", "200", "200", "25", "-")
                .endsWith("prod");
        String[] message = lines.get(1).split(" ");
        assertThat(message[1]).isEqualTo("MESSAGE");
        assertThat(message[2]).isEqualTo("echo");
        assertThat(message[3]).isEqualTo(id);
        assertThat(message[4]).as("a message id").matches("[A-Za-z0-9+/]{15}=");
        assertThat(message[0]).as("its own request id").isNotEqualTo(message[4]);
        assertThat(message).endsWith("200", "200", "25", "-", "prod");
        assertThat(lines.get(2).split(" "))
                .containsSubsequence("DISCONNECT", "$disconnect", id, "-", "200");
    }

    @Test
    void accessLog_noRoute_status403AndForbidden() {
        WebSocketGateway gateway = gateway(accessLogged());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"nope\"}"));

        assertThat(lines.get(1).split(" "))
                .containsSubsequence("MESSAGE", "-", id)
                .endsWith("403", "-", "-", "Forbidden", "prod");
    }

    @Test
    void accessLog_failingFunction_statusAndErrorMessage() {
        WebSocketGateway gateway = gateway(accessLogged());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\",\"text\":\"boom\"}"));

        assertThat(lines.get(1).split(" "))
                .as("no integration status, the failure's latency")
                .endsWith("502", "-", "25", "Internal", "server", "error", "prod");
    }

    @Test
    void accessLog_stageWithoutSettings_writesNothing() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(false));
        String id = connect(gateway);
        gateway.message(id, Frame.text("{\"action\":\"echo\"}"));

        assertThat(lines).isEmpty();
    }

    @Test
    void executionLog_info_logsEachEventOfTheRoute() {
        WebSocketGateway gateway =
                gateway(
                        api(
                                s ->
                                        s.defaultRouteSettings(
                                                new WebSocketRouteSettings(
                                                        false,
                                                        false,
                                                        LoggingLevel.INFO,
                                                        null,
                                                        null))));
        String id = connect(gateway);
        gateway.message(id, Frame.text("{\"action\":\"echo\",\"text\":\"secret\"}"));

        List<String> messages = logs.messages(GROUP);
        assertThat(messages)
                .anyMatch(m -> m.matches("\\(.+\\) Extended Request Id: .+"))
                .anyMatch(m -> m.endsWith(") WebSocket Request Route: [$connect]"))
                .anyMatch(m -> m.endsWith(") WebSocket Request Route: [echo]"))
                .anyMatch(m -> m.endsWith(") Connection Id: " + id))
                .anyMatch(
                        m ->
                                m.endsWith(
                                        ") Received response. Status: 200, Integration latency: 25 ms"))
                .anyMatch(m -> m.endsWith(") Method completed with status: 200"))
                .noneMatch(m -> m.contains("secret"));
        assertThat(logs.events(GROUP)).extracting(Event::level).containsOnly(Level.INFO);
    }

    @Test
    void executionLog_infoWithDataTrace_logsTheMessage() {
        WebSocketGateway gateway =
                gateway(
                        api(
                                s ->
                                        s.routeSettings(
                                                "echo",
                                                new WebSocketRouteSettings(
                                                        true,
                                                        false,
                                                        LoggingLevel.INFO,
                                                        null,
                                                        null))));
        String id = connect(gateway);
        gateway.message(id, Frame.text("{\"action\":\"echo\",\"text\":\"secret\"}"));

        assertThat(logs.messages(GROUP))
                .as("only the echo route logs")
                .noneMatch(m -> m.contains("[$connect]"))
                .anyMatch(
                        m ->
                                m.endsWith(
                                        ") Method request body before transformations:"
                                                + " {\"action\":\"echo\",\"text\":\"secret\"}"));
    }

    @Test
    void executionLog_error_logsOnlyFailures() {
        WebSocketGateway gateway =
                gateway(
                        api(
                                s ->
                                        s.defaultRouteSettings(
                                                new WebSocketRouteSettings(
                                                        false,
                                                        false,
                                                        LoggingLevel.ERROR,
                                                        null,
                                                        null))));
        String id = connect(gateway);
        gateway.message(id, Frame.text("{\"action\":\"echo\"}"));
        gateway.message(id, Frame.text("{\"action\":\"echo\",\"text\":\"boom\"}"));
        gateway.message(id, Frame.text("{\"action\":\"nope\"}"));

        assertThat(logs.messages(GROUP))
                .hasSize(2)
                .anyMatch(
                        m ->
                                m.endsWith(
                                        ") Execution failed due to an integration failure, status: 502"))
                .anyMatch(m -> m.endsWith(") Execution failed: 403 Forbidden"));
    }
}
