package dev.apigw.runtime.websocket;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link ConnectionStore}: the records in a concurrent map of this JVM, as many as
 * there are open connections (a record leaves when its connection closes). Thread-safe; {@link
 * #remove} is atomic.
 */
public final class InMemoryConnectionStore implements ConnectionStore {
    private final ConcurrentMap<String, ConnectionRecord> records = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryConnectionStore() {}

    @Override
    public void put(ConnectionRecord record) {
        records.put(record.connectionId(), record);
    }

    @Override
    public Optional<ConnectionRecord> get(String connectionId) {
        return Optional.ofNullable(records.get(Objects.requireNonNull(connectionId)));
    }

    @Override
    public void touch(String connectionId, Instant lastActiveAt) {
        Objects.requireNonNull(lastActiveAt);
        records.computeIfPresent(connectionId, (id, r) -> r.withLastActiveAt(lastActiveAt));
    }

    @Override
    public Optional<ConnectionRecord> remove(String connectionId) {
        return Optional.ofNullable(records.remove(Objects.requireNonNull(connectionId)));
    }
}
