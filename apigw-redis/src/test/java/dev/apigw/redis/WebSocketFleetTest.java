package dev.apigw.redis;

import static dev.apigw.redis.WebSocketNodes.API;
import static dev.apigw.redis.WebSocketNodes.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Two nodes of one WebSocket API and stage, two {@link WebSocketGateway}s each with stores of its
 * own on one Redis (issue 16, reference 7.4): a call of the {@code @connections} API on node A
 * reaches the client connected to node B, and is gone (410) when no node holds the connection. Runs
 * on the shared Redis of {@code APIGW_REDIS_URL} when set, each test under a key prefix of its own;
 * Redis stopped is {@link WebSocketFleetRedisDownTest}.
 */
class WebSocketFleetTest {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    /** The longest a refused or failed call may take: the timeout and room for a busy CI. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private final WebSocketNodes nodes = new WebSocketNodes(REDIS.uri());

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    private RedisStores stores(FailurePolicy policy) {
        return nodes.stores(policy);
    }

    private WebSocketGateway node(RedisStores stores) {
        return nodes.node(stores);
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
            assertThat(nodes.disconnects().poll(10, TimeUnit.SECONDS)).contains(id);
            assertThatThrownBy(() -> a.deleteConnection(id)).isInstanceOf(GoneException.class);
            assertThatThrownBy(() -> b.deleteConnection(id)).isInstanceOf(GoneException.class);
            b.disconnect(id, 1001, "");
            assertThat(b.openConnections()).isZero();
            assertThat(nodes.disconnects()).isEmpty();
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
            assertThat(nodes.disconnects().poll(10, TimeUnit.SECONDS)).contains(id);
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

    private static void assertGoneWithin(Executable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::execute).isInstanceOf(GoneException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
