package dev.apigw.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.runtime.spi.ConnectionRelay;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConnectionRelay} on Redis pub/sub (reference 7.4, issue 16): one channel per API and
 * stage, {@code ws-relay:API/STAGE} under the stores' prefix, which every gateway of that stage
 * subscribes to, and one reply channel per node, {@code ws-relay-reply:NODE}. A relayed call is
 * published as JSON ({@code op}, {@code id}, {@code replyTo}, {@code connectionId}, {@code data} in
 * Base64); the node holding the connection acts on it and publishes the call's id to the reply
 * channel; the others stay silent. The caller waits for that reply at most the timeout (the stores'
 * command timeout): no subscriber ({@code PUBLISH} answers 0) or no reply in time means no node
 * holds the connection (410). Relayed calls run on this relay's own threads, never on Lettuce's.
 *
 * <p>When Redis fails (the {@code PUBLISH} fails or times out), {@code post} and {@code delete}
 * throw Lettuce's exception whatever the failure policy: the call fails with 500, as an internal
 * failure of AWS would, rather than a 410 that would tell the caller the connection is gone. The
 * failure is counted ({@link #failureCount()}). Lettuce subscribes the channels again when Redis
 * comes back. Thread-safe.
 */
public final class RedisConnectionRelay implements ConnectionRelay {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnectionRelay.class);

    private final RedisCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> subscriptions;
    private final ExecutorService deliveries;
    private final String keyPrefix;
    private final String replyChannel;
    private final Duration timeout;
    private final StoreFailures failures;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentMap<String, CompletableFuture<Boolean>> pending =
            new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<Receiver>> receivers = new ConcurrentHashMap<>();

    RedisConnectionRelay(
            RedisCommands<String, String> redis,
            StatefulRedisPubSubConnection<String, String> subscriptions,
            ExecutorService deliveries,
            String keyPrefix,
            Duration timeout,
            StoreFailures failures) {
        this.redis = redis;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.keyPrefix = keyPrefix;
        this.replyChannel = keyPrefix + "ws-relay-reply:" + UUID.randomUUID();
        this.timeout = timeout;
        this.failures = failures;
        subscriptions.addListener(
                new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        receive(channel, message);
                    }
                });
        subscriptions.sync().subscribe(replyChannel);
    }

    /** Returns the channel of an API's stage. */
    String channel(String apiId, String stage) {
        return keyPrefix + "ws-relay:" + apiId + "/" + stage;
    }

    @Override
    public boolean post(String apiId, String stage, String connectionId, byte[] data) {
        return relay("post", channel(apiId, stage), connectionId, data);
    }

    @Override
    public boolean delete(String apiId, String stage, String connectionId) {
        return relay("delete", channel(apiId, stage), connectionId, new byte[0]);
    }

    @Override
    public Subscription subscribe(String apiId, String stage, Receiver receiver) {
        String channel = channel(apiId, stage);
        List<Receiver> list = receivers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
        list.add(receiver);
        try {
            subscriptions.sync().subscribe(channel);
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
            list.remove(receiver);
            throw e;
        }
        return () -> unsubscribe(channel, receiver);
    }

    private void unsubscribe(String channel, Receiver receiver) {
        List<Receiver> list = receivers.get(channel);
        if (list == null || !list.remove(receiver) || !list.isEmpty()) {
            return;
        }
        try {
            subscriptions.sync().unsubscribe(channel);
        } catch (RuntimeException e) {
            failures.record(e);
        }
    }

    private boolean relay(String op, String channel, String connectionId, byte[] data) {
        String id = UUID.randomUUID().toString();
        ObjectNode call = json.createObjectNode();
        call.put("op", op);
        call.put("id", id);
        call.put("replyTo", replyChannel);
        call.put("connectionId", connectionId);
        call.put("data", Base64.getEncoder().encodeToString(data));
        CompletableFuture<Boolean> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            long subscribers;
            try {
                subscribers = redis.publish(channel, call.toString());
                failures.succeeded();
            } catch (RuntimeException e) {
                failures.record(e);
                throw e;
            }
            return subscribers > 0 && reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            pending.remove(id);
        }
    }

    /** Handles a message of a subscribed channel, on Lettuce's thread: hands it over at once. */
    private void receive(String channel, String message) {
        if (channel.equals(replyChannel)) {
            CompletableFuture<Boolean> reply = pending.get(message);
            if (reply != null) {
                reply.complete(true);
            }
            return;
        }
        List<Receiver> list = receivers.get(channel);
        if (list == null || list.isEmpty()) {
            return;
        }
        try {
            deliveries.execute(() -> deliver(list, message));
        } catch (RuntimeException e) {
            LOG.warn("a relayed @connections call was dropped", e);
        }
    }

    /** Lets this node's receivers act on a relayed call; replies when one of them did. */
    private void deliver(List<Receiver> list, String message) {
        try {
            JsonNode call = json.readTree(message);
            String connectionId = call.get("connectionId").asText();
            byte[] data = Base64.getDecoder().decode(call.get("data").asText());
            boolean done = false;
            for (Receiver receiver : list) {
                done |=
                        "delete".equals(call.get("op").asText())
                                ? receiver.delete(connectionId)
                                : receiver.post(connectionId, data);
            }
            if (done) {
                redis.publish(call.get("replyTo").asText(), call.get("id").asText());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("a relayed @connections call failed", e);
        }
    }

    /** Returns the number of Redis commands of this relay that failed. */
    public long failureCount() {
        return failures.count();
    }
}
