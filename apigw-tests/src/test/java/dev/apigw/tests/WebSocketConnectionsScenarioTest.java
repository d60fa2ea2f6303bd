package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connections beyond one client (reference 7.4, 9.5): a {@code $connect} function past its
 * integration timeout, a function ARN completed by stage variables, two APIs sharing one {@link
 * ConnectionStore}, and many clients at once.
 */
class WebSocketConnectionsScenarioTest {
    private static WebSocketGateway gateway(WebSocketApi api, LambdaFunction fn) {
        return WebSocketGateway.builder()
                .gateway(Gateway.create())
                .webSocketApi(api)
                .stage("prod")
                .lambda("chat", fn)
                .build();
    }

    private static String connect(WebSocketGateway gateway, RecordingSink sink) {
        return ((ConnectResult.Accepted) gateway.connect(ConnectRequest.builder().build(), sink))
                .connectionId();
    }

    @Test
    void aConnectFunctionPastItsTimeoutRefusesWith504() {
        CountDownLatch never = new CountDownLatch(1);
        LambdaFunction waiting =
                invocation -> {
                    try {
                        never.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return LambdaResult.of("{}".getBytes(StandardCharsets.UTF_8));
                };
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .integration(
                                WebSocketIntegration.builder("fn")
                                        .lambdaProxy(WebSocketApis.ARN)
                                        .timeoutInMillis(50)
                                        .build())
                        .build();
        try {
            ConnectResult result =
                    gateway(api, waiting)
                            .connect(ConnectRequest.builder().build(), new RecordingSink());

            assertThat(result).isInstanceOf(ConnectResult.Refused.class);
            assertThat(((ConnectResult.Refused) result).statusCode()).isEqualTo(504);
        } finally {
            never.countDown();
        }
    }

    @Test
    void stageVariablesCompleteTheFunctionArn() {
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .integration(
                                WebSocketIntegration.builder("fn")
                                        .lambdaProxy(
                                                "arn:aws:lambda:us-east-1:123456789012:function:"
                                                        + "${stageVariables.fn}")
                                        .build())
                        .stage("prod", s -> s.stageVariable("fn", "chat"))
                        .build();
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        RecordingSink sink = new RecordingSink();
        WebSocketGateway gateway = gateway(api, fn);

        gateway.message(connect(gateway, sink), Frame.text("{\"action\":\"echo\"}"));

        assertThat(sink.texts()).containsExactly("echo:{\"action\":\"echo\"}");
    }

    @Test
    void aConnectionOfAnotherApiSharingTheStoreIsGoneHere() {
        ConnectionStore shared = ConnectionStore.inMemory();
        WebSocketApi other = WebSocketApis.chat(true).toBuilder().id("otherapi99").build();
        WebSocketGateway first =
                WebSocketGateway.builder()
                        .webSocketApi(WebSocketApis.chat(true))
                        .stage("prod")
                        .lambda("chat", new WebSocketApis.Recorder())
                        .connectionStore(shared)
                        .build();
        WebSocketGateway second =
                WebSocketGateway.builder()
                        .webSocketApi(other)
                        .stage("prod")
                        .lambda("chat", new WebSocketApis.Recorder())
                        .connectionStore(shared)
                        .build();

        String id = connect(first, new RecordingSink());

        assertThat(shared.get(id)).isPresent();
        assertThat(first.getConnection(id).sourceIp()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> second.getConnection(id)).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> second.deleteConnection(id)).isInstanceOf(GoneException.class);
        first.disconnect(id, 1001, "");
        assertThat(shared.get(id)).isEmpty();
    }

    @Test
    void aStoreThatRefusesTheRecordRefusesTheConnectionWith500() {
        ConnectionStore inMemory = ConnectionStore.inMemory();
        ConnectionStore failing =
                new ConnectionStore() {
                    @Override
                    public void put(ConnectionRecord record) {
                        throw new IllegalStateException("store down");
                    }

                    @Override
                    public Optional<ConnectionRecord> get(String connectionId) {
                        return inMemory.get(connectionId);
                    }

                    @Override
                    public void touch(String connectionId, Instant lastActiveAt) {
                        inMemory.touch(connectionId, lastActiveAt);
                    }

                    @Override
                    public Optional<ConnectionRecord> remove(String connectionId) {
                        return inMemory.remove(connectionId);
                    }
                };
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .webSocketApi(WebSocketApis.chat(true))
                        .stage("prod")
                        .lambda("chat", fn)
                        .connectionStore(failing)
                        .build();

        ConnectResult result =
                gateway.connect(ConnectRequest.builder().build(), new RecordingSink());

        assertThat(result).isInstanceOf(ConnectResult.Refused.class);
        assertThat(((ConnectResult.Refused) result).statusCode()).isEqualTo(500);
        String id = fn.last("$connect").path("requestContext").path("connectionId").asText();
        assertThatThrownBy(() -> gateway.postToConnection(id, new byte[] {'x'}))
                .isInstanceOf(GoneException.class);
    }

    @Test
    void manyClientsAtOnceEachGetTheirOwnFrames() throws Exception {
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), fn);
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> clients(gateway, perThread)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> result : results) {
                ids.addAll(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(ids).doesNotHaveDuplicates().hasSize(threads * perThread);
            for (String id : ids) {
                assertThatThrownBy(() -> gateway.getConnection(id))
                        .isInstanceOf(GoneException.class);
            }
            assertThat(fn.events().stream().filter(WebSocketConnectionsScenarioTest::isDisconnect))
                    .hasSize(threads * perThread);
            assertThat(gateway.openConnections()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openConnectionsCountsAcceptedConnectionsUntilTheyClose() {
        WebSocketGateway gateway = gateway(WebSocketApis.chat(true), new WebSocketApis.Recorder());
        String first = connect(gateway, new RecordingSink());
        String second = connect(gateway, new RecordingSink());

        assertThat(gateway.openConnections()).isEqualTo(2);
        gateway.disconnect(first, 1000, "");
        assertThat(gateway.openConnections()).isEqualTo(1);
        gateway.deleteConnection(second);
        gateway.disconnect(second, 1000, "");
        assertThat(gateway.openConnections()).isZero();
    }

    private static boolean isDisconnect(JsonNode event) {
        return event.path("requestContext").path("eventType").asText().equals("DISCONNECT");
    }

    /** Connects {@code count} clients one after another, each echoing, posted to and closed. */
    private static List<String> clients(WebSocketGateway gateway, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingSink sink = new RecordingSink();
            String id = connect(gateway, sink);
            gateway.message(id, Frame.text("{\"action\":\"echo\",\"n\":" + i + "}"));
            gateway.postToConnection(id, id.getBytes(StandardCharsets.UTF_8));
            gateway.disconnect(id, 1001, "");
            assertThat(sink.texts())
                    .containsExactly("echo:{\"action\":\"echo\",\"n\":" + i + "}", id);
            ids.add(id);
        }
        return ids;
    }
}
