package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRouteSettings;
import dev.apigw.runtime.ApiGatewayMetrics;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.testkit.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch metrics of WebSocket APIs (reference 10.1, WebSocket APIs) through {@link
 * WebSocketGateway}: {@code ConnectCount}, {@code MessageCount} (from and to clients), {@code
 * IntegrationError}, {@code ClientError}, {@code ExecutionError} and {@code IntegrationLatency},
 * tagged {@code ApiId}, {@code Stage} and {@code Route} (empty but with {@code
 * detailedMetricsEnabled}). The function takes 25 ms by the account's clock.
 */
class WebSocketMetricsScenarioTest {
    private static final Tags PROD = tags("");

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-05-06T07:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingSink sink = new RecordingSink();

    private static Tags tags(String route) {
        return Tags.of("ApiId", "chatapi123", "Stage", "prod", "Route", route);
    }

    private Gateway account(UnaryOperator<Gateway.Builder> more) {
        return more.apply(
                        Gateway.builder()
                                .clock(clock)
                                .random(new SplittableRandom(3)::nextLong)
                                .meterRegistry(registry))
                .build();
    }

    private WebSocketGateway gateway(Gateway account, WebSocketApi api, LambdaFunction function) {
        return WebSocketGateway.builder()
                .gateway(account)
                .webSocketApi(api)
                .stage("prod")
                .lambda("chat", function)
                .build();
    }

    private WebSocketGateway gateway(WebSocketApi api, LambdaFunction function) {
        return gateway(account(b -> b), api, function);
    }

    /**
     * Echoes as {@link WebSocketApis#echo} after 25 ms, 500 for {@code "fail"}, throws on "boom".
     */
    private LambdaFunction function() {
        WebSocketApis.Recorder echo = new WebSocketApis.Recorder();
        return invocation -> {
            clock.advance(Duration.ofMillis(25));
            String event = new String(invocation.payload(), StandardCharsets.UTF_8);
            if (event.contains("boom")) {
                throw new IllegalStateException("function broke");
            }
            if (event.contains("fail")) {
                return LambdaResult.of(
                        "{\"statusCode\":500,\"body\":\"no\"}".getBytes(StandardCharsets.UTF_8));
            }
            return echo.invoke(invocation);
        };
    }

    private String connect(WebSocketGateway gateway) {
        ConnectResult result = gateway.connect(ConnectRequest.builder().build(), sink);
        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    private double count(String name, Tags tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer latency(Tags tags) {
        return registry.find(ApiGatewayMetrics.INTEGRATION_LATENCY).tags(tags).timer();
    }

    @Test
    void connectMessagesAndDisconnect_countedByApiIdAndStage() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(false), function());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\",\"text\":\"hi\"}"));
        gateway.message(id, Frame.text("{\"action\":\"sendmessage\"}"));
        gateway.disconnect(id, 1001, "Going away");

        assertThat(count(ApiGatewayMetrics.CONNECT_COUNT, PROD)).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.MESSAGE_COUNT, PROD))
                .as("two from the client, the echo route's response to it")
                .isEqualTo(3);
        assertThat(count(ApiGatewayMetrics.INTEGRATION_ERROR, PROD)).isZero();
        assertThat(count(ApiGatewayMetrics.WEBSOCKET_CLIENT_ERROR, PROD)).isZero();
        assertThat(count(ApiGatewayMetrics.EXECUTION_ERROR, PROD)).isZero();
        assertThat(latency(PROD).count()).as("$connect, two messages, $disconnect").isEqualTo(4);
        assertThat(latency(PROD).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
        assertThat(registry.find(ApiGatewayMetrics.COUNT).meters()).as("no Count").isEmpty();
    }

    @Test
    void detailedMetricsEnabled_countsTheRouteInItsOwnSet() {
        WebSocketApi api =
                WebSocketApis.chat(false).toBuilder()
                        .stage(
                                "prod",
                                s ->
                                        s.routeSettings(
                                                "echo",
                                                new WebSocketRouteSettings(
                                                        false, true, null, null, null)))
                        .build();
        WebSocketGateway gateway = gateway(api, function());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\"}"));
        gateway.message(id, Frame.text("{\"action\":\"sendmessage\"}"));

        assertThat(count(ApiGatewayMetrics.MESSAGE_COUNT, tags("echo")))
                .as("the message and its response")
                .isEqualTo(2);
        assertThat(latency(tags("echo")).count()).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.MESSAGE_COUNT, PROD)).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.CONNECT_COUNT, PROD)).isEqualTo(1);
        assertThat(
                        registry.find(ApiGatewayMetrics.MESSAGE_COUNT)
                                .tag("Route", "sendmessage")
                                .meters())
                .isEmpty();
    }

    @Test
    void messageNoRouteMatches_isAClientErrorAndItsErrorFrameAMessage() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(false), function());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"nope\"}"));

        assertThat(count(ApiGatewayMetrics.WEBSOCKET_CLIENT_ERROR, PROD)).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.MESSAGE_COUNT, PROD)).isEqualTo(2);
        assertThat(latency(PROD).count()).as("only $connect's").isEqualTo(1);
    }

    @Test
    void integrationAnswers500_isAnIntegrationError() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(false), function());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"sendmessage\",\"text\":\"fail\"}"));

        assertThat(count(ApiGatewayMetrics.INTEGRATION_ERROR, PROD)).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.EXECUTION_ERROR, PROD)).isZero();
    }

    @Test
    void functionThrows_isAnExecutionError() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(false), function());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\",\"text\":\"boom\"}"));

        assertThat(count(ApiGatewayMetrics.EXECUTION_ERROR, PROD)).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.INTEGRATION_ERROR, PROD)).isZero();
        assertThat(count(ApiGatewayMetrics.MESSAGE_COUNT, PROD))
                .as("the message and its error frame")
                .isEqualTo(2);
    }

    @Test
    void connectThrottled_countsTheAttemptAndAClientError() {
        WebSocketGateway gateway =
                gateway(
                        account(b -> b.newConnectionThrottle(new ThrottleSettings(0, 0))),
                        WebSocketApis.chat(false),
                        function());

        assertThat(gateway.connect(ConnectRequest.builder().build(), sink))
                .isInstanceOf(ConnectResult.Refused.class);

        assertThat(count(ApiGatewayMetrics.CONNECT_COUNT, PROD)).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.WEBSOCKET_CLIENT_ERROR, PROD)).isEqualTo(1);
        assertThat(latency(PROD).count()).isZero();
    }

    @Test
    void postToConnection_isAMessage() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(false), function());
        String id = connect(gateway);

        gateway.postToConnection(id, "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(count(ApiGatewayMetrics.MESSAGE_COUNT, PROD)).isEqualTo(1);
    }

    @Test
    void mockIntegration_hasNoIntegrationLatency() {
        WebSocketApi api =
                WebSocketApis.chat(false).toBuilder()
                        .integration(WebSocketIntegration.builder("mock").mock().build())
                        .removeRoute("echo")
                        .route("echo", r -> r.integrationId("mock"))
                        .build();
        WebSocketGateway gateway = gateway(api, function());
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"echo\"}"));

        assertThat(latency(PROD).count()).as("only $connect's").isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.MESSAGE_COUNT, PROD)).isEqualTo(1);
    }

    @Test
    void namespaceFilter_prefixesWebSocketMetricsForPrometheus() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(ApiGatewayMetrics.namespace());
        Gateway account =
                Gateway.builder()
                        .clock(clock)
                        .random(new SplittableRandom(3)::nextLong)
                        .meterRegistry(prometheus)
                        .build();
        WebSocketGateway gateway = gateway(account, WebSocketApis.chat(false), function());
        connect(gateway);

        assertThat(prometheus.scrape())
                .contains("aws_apigateway_ConnectCount_total{")
                .contains("aws_apigateway_ClientError_total{");
    }
}
