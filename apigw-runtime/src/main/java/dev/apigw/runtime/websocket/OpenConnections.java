package dev.apigw.runtime.websocket;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionRelay;
import dev.apigw.runtime.spi.ConnectionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open connections of one {@link WebSocketGateway} (reference 7.4): their records in the {@link
 * ConnectionStore} and their sinks, the live sockets, in this object. A connection is open here
 * when both exist and the record is of this API and stage. Sending and closing through a sink never
 * throw: a failing sink is logged.
 *
 * <p>With a {@link ConnectionRelay} other than {@link ConnectionRelay#none()} (a fleet sharing the
 * store, issue 16), a connection whose record is in the store but whose sink is on another node is
 * open too: GetConnection reads its record, PostToConnection and DeleteConnection go through the
 * relay to the node that holds it, and are gone (410) when no node does. Thread-safe.
 */
final class OpenConnections {
    private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);

    private final ConnectionStore store;
    private final ConnectionRelay relay;
    private final String apiId;
    private final String stageName;
    private final ConcurrentMap<String, ConnectionSink> sinks = new ConcurrentHashMap<>();

    OpenConnections(ConnectionStore store, ConnectionRelay relay, String apiId, String stageName) {
        this.store = store;
        this.relay = relay;
        this.apiId = apiId;
        this.stageName = stageName;
    }

    /** Opens a connection; fails (leaving nothing behind) when the store refuses it. */
    void open(ConnectionRecord connection, ConnectionSink sink) {
        sinks.put(connection.connectionId(), sink);
        try {
            store.put(connection);
        } catch (RuntimeException e) {
            sinks.remove(connection.connectionId());
            throw e;
        }
    }

    /** Returns the sink of a connection this gateway holds, if any. */
    Optional<ConnectionSink> sink(String connectionId) {
        return connectionId == null
                ? Optional.empty()
                : Optional.ofNullable(sinks.get(connectionId));
    }

    /** Returns the record of a connection whose sink this gateway holds, if any. */
    Optional<ConnectionRecord> record(String connectionId) {
        return sink(connectionId).flatMap(s -> store.get(connectionId));
    }

    /**
     * Returns the record of an open connection of this API and stage.
     *
     * @throws GoneException when there is none
     */
    ConnectionRecord openRecord(String connectionId) {
        return record(connectionId)
                .filter(r -> r.apiId().equals(apiId) && r.stage().equals(stageName))
                .orElseThrow(() -> new GoneException(String.valueOf(connectionId)));
    }

    /**
     * Returns the sink of an open connection of this API and stage.
     *
     * @throws GoneException when there is none
     */
    ConnectionSink openSink(String connectionId) {
        openRecord(connectionId);
        return sink(connectionId).orElseThrow(() -> new GoneException(connectionId));
    }

    /**
     * Sends {@code data} to an open connection ({@code @connections} PostToConnection, reference
     * 7.4) as a text frame when it is UTF-8, else binary, and marks it active at {@code now}.
     *
     * @throws GoneException when the connection is not open or its sink fails
     * @throws PayloadTooLargeException when the data passes {@code maxBytes}
     */
    void post(String connectionId, byte[] data, int maxBytes, Instant now) {
        if (!holds(connectionId)) {
            relayedRecord(connectionId);
            checkSize(data, maxBytes);
            if (!relay.post(apiId, stageName, connectionId, data)) {
                throw new GoneException(connectionId);
            }
            return;
        }
        ConnectionSink sink = openSink(connectionId);
        checkSize(data, maxBytes);
        try {
            sink.send(Frame.of(data));
        } catch (RuntimeException e) {
            LOG.warn("sending to {} failed", connectionId, e);
            throw new GoneException(connectionId);
        }
        touch(connectionId, now);
    }

    private static void checkSize(byte[] data, int maxBytes) {
        if (data.length > maxBytes) {
            throw new PayloadTooLargeException(data.length);
        }
    }

    /** Returns whether this gateway holds the connection's sink. */
    boolean holds(String connectionId) {
        return sink(connectionId).isPresent();
    }

    /**
     * Returns the store's record of a connection of this API and stage that another node holds.
     *
     * @throws GoneException when there is none, or this gateway relays nothing
     */
    private ConnectionRecord relayedRecord(String connectionId) {
        if (relay == ConnectionRelay.none() || connectionId == null) {
            throw new GoneException(String.valueOf(connectionId));
        }
        return store.get(connectionId)
                .filter(r -> r.apiId().equals(apiId) && r.stage().equals(stageName))
                .orElseThrow(() -> new GoneException(connectionId));
    }

    /**
     * Has the node holding a connection of another node close it ({@code @connections}
     * DeleteConnection through the relay; its {@code $disconnect} runs there).
     *
     * @throws GoneException when no node holds it
     */
    void relayDelete(String connectionId) {
        relayedRecord(connectionId);
        if (!relay.delete(apiId, stageName, connectionId)) {
            throw new GoneException(connectionId);
        }
    }

    /** Subscribes {@code receiver} to the calls relayed for this API and stage. */
    ConnectionRelay.Subscription subscribe(ConnectionRelay.Receiver receiver) {
        return relay.subscribe(apiId, stageName, receiver);
    }

    /** Returns the ids of the connections whose sinks this gateway holds. */
    List<String> held() {
        return List.copyOf(sinks.keySet());
    }

    /**
     * Returns what {@code @connections} GetConnection tells of an open connection.
     *
     * @throws GoneException when the connection is not open
     */
    ConnectionInfo info(String connectionId) {
        ConnectionRecord record =
                holds(connectionId) ? openRecord(connectionId) : relayedRecord(connectionId);
        return new ConnectionInfo(
                record.connectedAt(), record.sourceIp(), record.userAgent(), record.lastActiveAt());
    }

    /**
     * Removes an open connection and closes its sink with {@code statusCode} ({@code @connections}
     * DeleteConnection); returns its record.
     *
     * @throws GoneException when the connection is not open
     */
    ConnectionRecord delete(String connectionId, int statusCode) {
        openRecord(connectionId);
        Optional<ConnectionSink> sink = sink(connectionId);
        ConnectionRecord removed =
                remove(connectionId).orElseThrow(() -> new GoneException(connectionId));
        sink.ifPresent(s -> close(s, statusCode, ""));
        return removed;
    }

    /**
     * Removes a connection; returns its record when the store had it. The sink leaves this object
     * even when the store fails.
     */
    Optional<ConnectionRecord> remove(String connectionId) {
        try {
            return store.remove(connectionId);
        } finally {
            sinks.remove(connectionId);
        }
    }

    /** Marks a connection active at {@code now}. */
    void touch(String connectionId, Instant now) {
        store.touch(connectionId, now);
    }

    /**
     * Returns the open connections without a message for {@code idle}, or open for {@code
     * maxDuration}, at {@code now} (reference 9.5).
     */
    List<String> expired(Instant now, Duration idle, Duration maxDuration) {
        List<String> expired = new ArrayList<>();
        for (String connectionId : sinks.keySet()) {
            record(connectionId)
                    .filter(
                            r ->
                                    !now.isBefore(r.lastActiveAt().plus(idle))
                                            || !now.isBefore(r.connectedAt().plus(maxDuration)))
                    .ifPresent(r -> expired.add(connectionId));
        }
        return expired;
    }

    /** Sends a frame through a sink; a failure is logged. */
    static void send(ConnectionSink sink, Frame frame) {
        try {
            sink.send(frame);
        } catch (RuntimeException e) {
            LOG.warn("sending a frame failed", e);
        }
    }

    /** Closes a sink; a failure is logged. */
    static void close(ConnectionSink sink, int statusCode, String reason) {
        try {
            sink.close(statusCode, reason);
        } catch (RuntimeException e) {
            LOG.warn("closing a connection failed", e);
        }
    }

    /** Returns how many connections are open here (sinks held). */
    int count() {
        return sinks.size();
    }
}
