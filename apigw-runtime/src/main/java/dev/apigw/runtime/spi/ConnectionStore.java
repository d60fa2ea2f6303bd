package dev.apigw.runtime.spi;

import dev.apigw.runtime.websocket.InMemoryConnectionStore;
import java.time.Instant;
import java.util.Optional;

/**
 * The registry of a WebSocket API's open connections (reference 7.3, 7.4): connection id to {@link
 * ConnectionRecord}. A {@code WebSocketGateway} puts a record when {@code $connect} accepts, reads
 * it for every message and {@code @connections} call, moves its {@code lastActiveAt}, and removes
 * it when the connection closes; the live sockets stay with the gateway, never here. The default
 * keeps the records in memory ({@link #inMemory()}); a store shared by several JVMs (Redis, issue
 * 16) can replace it.
 *
 * <p>Thread-safety: called concurrently from every thread that handles connections, for the same
 * connection too; an implementation must be thread-safe, and {@link #remove} atomic: of several
 * concurrent calls for one id, one gets the record, the others nothing (so {@code $disconnect} runs
 * once).
 */
public interface ConnectionStore {
    /** Stores the record of a connection that was just accepted. */
    void put(ConnectionRecord record);

    /** Returns the record of an open connection, if the id names one. */
    Optional<ConnectionRecord> get(String connectionId);

    /** Sets the connection's {@code lastActiveAt}; does nothing for an unknown id. */
    void touch(String connectionId, Instant lastActiveAt);

    /** Removes the connection's record and returns it, if the id named one. */
    Optional<ConnectionRecord> remove(String connectionId);

    /** Returns a new store keeping its records in this JVM's memory. */
    static ConnectionStore inMemory() {
        return new InMemoryConnectionStore();
    }
}
