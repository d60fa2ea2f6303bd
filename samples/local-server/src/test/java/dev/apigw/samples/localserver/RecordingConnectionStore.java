package dev.apigw.samples.localserver;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The default in-memory {@link ConnectionStore} (reference 7.4), with the ids of the connections
 * put into it since the last {@link #drainAccepted()}, so that a test can check each one left it.
 */
final class RecordingConnectionStore implements ConnectionStore {
    private final ConnectionStore store = ConnectionStore.inMemory();
    private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();

    @Override
    public void put(ConnectionRecord record) {
        store.put(record);
        accepted.add(record.connectionId());
    }

    @Override
    public Optional<ConnectionRecord> get(String connectionId) {
        return store.get(connectionId);
    }

    @Override
    public void touch(String connectionId, Instant lastActiveAt) {
        store.touch(connectionId, lastActiveAt);
    }

    @Override
    public Optional<ConnectionRecord> remove(String connectionId) {
        return store.remove(connectionId);
    }

    /** Returns the ids put since the last call, and forgets them. */
    List<String> drainAccepted() {
        List<String> ids = List.copyOf(accepted);
        accepted.removeAll(ids);
        return ids;
    }
}
