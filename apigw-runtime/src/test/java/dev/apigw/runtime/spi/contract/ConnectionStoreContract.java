package dev.apigw.runtime.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} does (reference 7.3, 7.4): a record put comes back whole
 * (every field, the maps in their order), {@code touch} moves only {@code lastActiveAt} and ignores
 * unknown ids, and of several concurrent removes of one id exactly one gets the record (so {@code
 * $disconnect} runs once). A store passes it by extending it: the in-memory store in the runtime's
 * tests, the Redis store in apigw-redis.
 */
public abstract class ConnectionStoreContract {
    /** A time the tests start from, whole milliseconds. */
    protected static final Instant T0 = Instant.parse("2024-01-20T11:54:57.123Z");

    private ConnectionStore store;

    /** Returns a new store, empty of records. */
    protected abstract ConnectionStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** Returns the store under test. */
    protected ConnectionStore store() {
        return store;
    }

    /** Returns a record with every field set, under an id no other test uses. */
    protected static ConnectionRecord record() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("h"));
        headers.put("X-Multi", List.of("b", "a"));
        headers.put("Accept", List.of());
        Map<String, String> authorizer = new LinkedHashMap<>();
        authorizer.put("principalId", "me");
        authorizer.put("tier", "gold ✓");
        return new ConnectionRecord(
                UUID.randomUUID().toString().substring(0, 12) + "=",
                "api",
                "prod",
                T0,
                T0.plusSeconds(1),
                "10.0.0.1",
                "agent/1",
                headers,
                Map.of("q", List.of("1", "2")),
                authorizer,
                Map.of("apiKey", "k", "caller", "c"));
    }

    @Test
    void put_thenGet_returnsTheRecordWhole() {
        ConnectionRecord record = record();
        store.put(record);

        ConnectionRecord read = store.get(record.connectionId()).orElseThrow();

        assertThat(read).isEqualTo(record);
        assertThat(read.headers().keySet()).containsExactly("Host", "X-Multi", "Accept");
        assertThat(read.authorizer().keySet()).containsExactly("principalId", "tier");
    }

    @Test
    void get_unknownId_isEmpty() {
        assertThat(store.get("unknown-id")).isEmpty();
        assertThat(store.remove("unknown-id")).isEmpty();
    }

    @Test
    void touch_movesLastActiveAtOnly_andIgnoresUnknownIds() {
        ConnectionRecord record = record();
        store.put(record);

        store.touch(record.connectionId(), T0.plusSeconds(30));
        store.touch("unknown-id", T0);

        assertThat(store.get(record.connectionId()))
                .contains(record.withLastActiveAt(T0.plusSeconds(30)));
        assertThat(store.get("unknown-id")).isEmpty();
    }

    @Test
    void remove_returnsTheRecordOnce() {
        ConnectionRecord record = record();
        store.put(record);
        store.touch(record.connectionId(), T0.plusSeconds(5));

        assertThat(store.remove(record.connectionId()))
                .contains(record.withLastActiveAt(T0.plusSeconds(5)));
        assertThat(store.remove(record.connectionId())).isEmpty();
        assertThat(store.get(record.connectionId())).isEmpty();
    }

    @Test
    void put_sameId_replacesTheRecord() {
        ConnectionRecord record = record();
        store.put(record);
        ConnectionRecord other = record.withAuthorization(Map.of(), Map.of());

        store.put(other);

        assertThat(store.get(record.connectionId())).contains(other);
    }

    @Test
    void remove_concurrently_oneCallerGetsTheRecord() throws Exception {
        for (int round = 0; round < 20; round++) {
            ConnectionRecord record = record();
            store.put(record);

            int winners =
                    Concurrently.countTrue(
                            4, 2, () -> store.remove(record.connectionId()).isPresent());

            assertThat(winners).isEqualTo(1);
        }
    }
}
