package dev.apigw.redis;

import static dev.apigw.redis.WebSocketNodes.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import io.lettuce.core.RedisException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Two nodes of one WebSocket API and stage on one Redis that stops (issue 16, reference 7.4, 9.4):
 * the policy answers within a bound, nothing hangs, and fail-open delivery resumes once Redis is
 * back. The tests stop and start the redis-server process this class runs ({@link
 * RedisServer#ownProcess()}, never the shared Redis of {@code APIGW_REDIS_URL}), and start it again
 * after each test.
 */
class WebSocketFleetRedisDownTest {
    @RegisterExtension static final RedisServer REDIS = RedisServer.ownProcess();

    /** The longest a refused or failed call may take: the timeout and room for a busy CI. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private final WebSocketNodes nodes = new WebSocketNodes(REDIS.uri());

    @AfterEach
    void closeNodesAndRestartRedis() throws Exception {
        nodes.close();
        REDIS.stop();
        REDIS.start();
    }

    private RedisStores stores(FailurePolicy policy) {
        return nodes.stores(policy);
    }

    private WebSocketGateway node(RedisStores stores) {
        return nodes.node(stores);
    }

    @Test
    void redisStopped_failOpen_servesLocalConnections_failsRelayedCalls_thenRecovers()
            throws Exception {
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
