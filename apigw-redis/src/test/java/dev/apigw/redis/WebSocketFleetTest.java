package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import io.lettuce.core.RedisException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Two nodes of one WebSocket API and stage, two {@link WebSocketGateway}s each with stores of its
 * own on one Redis (issue 16, reference 7.4): a call of the {@code @connections} API on node A
 * reaches the client connected to node B, and is gone (410) when no node holds the connection;
 * Redis stopped: the policy answers within a bound, nothing hangs.
 */
class WebSocketFleetTest {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:chat";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /** The longest a refused or failed call may take: the timeout and room for a busy CI. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private static final WebSocketApi API =
            WebSocketApi.builder("chat")
                    .id("chatapi123")
                    .routeSelectionExpression("$request.body.action")
                    .integration(WebSocketIntegration.builder("fn").lambdaProxy(ARN).build())
                    .route(WebSocketRoute.DISCONNECT, "fn")
                    .stage("prod", s -> {})
                    .build();

    private final RedisClients clients = new RedisClients(REDIS.uri());
    private final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

    @AfterEach
    void closeClients() throws Exception {
        clients.close();
        if (REDIS.ownsProcess()) {
            REDIS.stop();
            REDIS.start();
        }
    }

    private RedisStores stores(FailurePolicy policy) {
        return clients.open(clients.stores().failurePolicy(policy).commandTimeout(TIMEOUT));
    }

    private WebSocketGateway node(RedisStores stores) {
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

    private static String connect(WebSocketGateway node, RecordingSink sink) {
        ConnectResult result =
                node.connect(
                        ConnectRequest.builder().header("User-Agent", "client/1").build(), sink);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    @Test
    void postOnA_reachesTheClientOnB_andGetOnA_readsItsRecord() throws Exception {
        try (WebSocketGateway a = node(stores(FailurePolicy.OPEN));
                WebSocketGateway b = node(stores(FailurePolicy.OPEN))) {
            RecordingSink client = new RecordingSink();
            String id = connect(b, client);

            a.postToConnection(id, "hello from A".getBytes(StandardCharsets.UTF_8));

            assertThat(client.nextText()).isEqualTo("hello from A");
            assertThat(a.getConnection(id).userAgent()).isEqualTo("client/1");
            assertThat(a.openConnections()).isZero();
            assertThat(b.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void deleteOnA_closesTheClientOnB_andRunsDisconnectOnce() throws Exception {
        try (WebSocketGateway a = node(stores(FailurePolicy.OPEN));
                WebSocketGateway b = node(stores(FailurePolicy.OPEN))) {
            RecordingSink client = new RecordingSink();
            String id = connect(b, client);

            a.deleteConnection(id);

            assertThat(client.closeCode()).isEqualTo(WebSocketGateway.NORMAL_CLOSURE);
            assertThat(disconnects.poll(10, TimeUnit.SECONDS)).contains(id);
            assertThatThrownBy(() -> a.deleteConnection(id)).isInstanceOf(GoneException.class);
            assertThatThrownBy(() -> b.deleteConnection(id)).isInstanceOf(GoneException.class);
            b.disconnect(id, 1001, "");
            assertThat(b.openConnections()).isZero();
            assertThat(disconnects).isEmpty();
        }
    }

    @Test
    void unknownId_isGoneFromEitherNode() {
        try (WebSocketGateway a = node(stores(FailurePolicy.OPEN));
                WebSocketGateway b = node(stores(FailurePolicy.OPEN))) {
            byte[] data = "x".getBytes(StandardCharsets.UTF_8);
            for (WebSocketGateway node : List.of(a, b)) {
                assertThatThrownBy(() -> node.postToConnection("unknownId0=", data))
                        .isInstanceOf(GoneException.class);
                assertThatThrownBy(() -> node.getConnection("unknownId0="))
                        .isInstanceOf(GoneException.class);
                assertThatThrownBy(() -> node.deleteConnection("unknownId0="))
                        .isInstanceOf(GoneException.class);
            }
        }
    }

    @Test
    void nodeBClosed_closesItsClients_andItsConnectionsAreGoneFromA() throws Exception {
        try (WebSocketGateway a = node(stores(FailurePolicy.OPEN))) {
            WebSocketGateway b = node(stores(FailurePolicy.OPEN));
            RecordingSink client = new RecordingSink();
            String id = connect(b, client);

            b.close();

            assertThat(client.closeCode()).isEqualTo(WebSocketGateway.GOING_AWAY);
            assertThat(disconnects.poll(10, TimeUnit.SECONDS)).contains(id);
            assertThatThrownBy(() -> a.postToConnection(id, new byte[1]))
                    .isInstanceOf(GoneException.class);
        }
    }

    @Test
    void recordOfNoNode_isGoneFromA_withinTheTimeout() {
        RedisStores aStores = stores(FailurePolicy.OPEN);
        RedisStores bStores = stores(FailurePolicy.OPEN);
        try (WebSocketGateway a = node(aStores);
                WebSocketGateway b = node(bStores)) {
            // a record left by a node that died: in the store, held by no subscribed node
            ConnectionRecord stale =
                    new ConnectionRecord(
                            "staleConn0=",
                            API.id(),
                            "prod",
                            Instant.parse("2026-12-05T00:00:00Z"),
                            Instant.parse("2026-12-05T00:00:00Z"),
                            "10.0.0.9",
                            "",
                            Map.of(),
                            Map.of(),
                            Map.of());
            bStores.connectionStore().put(stale);

            assertThat(a.getConnection("staleConn0=").sourceIp()).isEqualTo("10.0.0.9");
            assertGoneWithin(() -> a.postToConnection("staleConn0=", new byte[1]));
            assertGoneWithin(() -> a.deleteConnection("staleConn0="));
            assertGoneWithin(() -> b.postToConnection("staleConn0=", new byte[1]));
        }
    }

    @Test
    void nodeBLostRedis_itsConnectionIsGoneFromA_withinTheTimeout() throws Exception {
        RedisStores bStores = stores(FailurePolicy.OPEN);
        try (WebSocketGateway a = node(stores(FailurePolicy.OPEN));
                WebSocketGateway b = node(bStores)) {
            String id = connect(b, new RecordingSink());

            bStores.close();

            assertGoneWithin(() -> a.postToConnection(id, new byte[1]));
        }
    }

    @Test
    void redisStopped_failOpen_servesLocalConnections_failsRelayedCalls_thenRecovers()
            throws Exception {
        assumeTrue(REDIS.ownsProcess(), "needs a redis-server of its own");
        RedisStores aStores = stores(FailurePolicy.OPEN);
        try (WebSocketGateway a = node(aStores);
                WebSocketGateway b = node(stores(FailurePolicy.OPEN))) {
            RecordingSink onB = new RecordingSink();
            String idB = connect(b, onB);

            REDIS.stop();

            b.postToConnection(idB, "local".getBytes(StandardCharsets.UTF_8));
            assertThat(onB.nextText()).isEqualTo("local");
            assertThat(b.getConnection(idB).userAgent()).isEqualTo("client/1");
            assertFailsWithin(() -> a.postToConnection(idB, new byte[1]));
            assertFailsWithin(() -> a.deleteConnection(idB));
            assertThat(
                            aStores.connectionRelay().failureCount()
                                    + aStores.connectionStore().failureCount())
                    .isPositive();

            REDIS.start();

            // the restarted Redis kept nothing; B's client is written again when next active
            awaitTrue(
                    () -> {
                        b.postToConnection(idB, "touch".getBytes(StandardCharsets.UTF_8));
                        return delivered(a, idB);
                    });
            assertThat(onB.textsUntil("again")).isNotEmpty().containsOnly("touch");
            RecordingSink later = new RecordingSink();
            String idLater = connect(b, later);
            a.postToConnection(idLater, "later".getBytes(StandardCharsets.UTF_8));
            assertThat(later.nextText()).isEqualTo("later");
        }
    }

    @Test
    void redisStopped_failClosed_refusesUpgradesAndCalls_withinTheBound() throws Exception {
        assumeTrue(REDIS.ownsProcess(), "needs a redis-server of its own");
        try (WebSocketGateway b = node(stores(FailurePolicy.CLOSED))) {
            RecordingSink onB = new RecordingSink();
            String idB = connect(b, onB);

            REDIS.stop();

            assertFailsWithin(() -> b.postToConnection(idB, new byte[1]));
            long start = System.nanoTime();
            ConnectResult refused =
                    b.connect(ConnectRequest.builder().build(), new RecordingSink());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            assertThat(refused).isInstanceOf(ConnectResult.Refused.class);
            assertThat(((ConnectResult.Refused) refused).statusCode()).isEqualTo(500);
        }
    }

    private static boolean delivered(WebSocketGateway node, String id) {
        try {
            node.postToConnection(id, "again".getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void assertGoneWithin(Executable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::execute).isInstanceOf(GoneException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    /** The call fails as an internal failure (500), not as gone (410), within the bound. */
    private static void assertFailsWithin(Executable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::execute)
                .isInstanceOf(RedisException.class)
                .isNotInstanceOf(GoneException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    /** Polls {@code condition} until it holds, for at most 20 seconds. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("awaited condition").isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
