package dev.apigw.runtime.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.AuthorizerResultStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuthorizerResultStore} does (reference 8.3, 9.3): payloads under their API,
 * stage and key until their time to live passes at the caller's instant, replaced by a later put,
 * and a stage of an API flushed alone. A store passes it by extending it: the in-memory store in
 * the runtime's tests, the Redis store in apigw-redis.
 */
public abstract class AuthorizerResultStoreContract {
    /** An instant the tests count from. */
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private AuthorizerResultStore store;

    /** Returns a new store, empty of answers. */
    protected abstract AuthorizerResultStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** Returns the store under test. */
    protected AuthorizerResultStore store() {
        return store;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String text(String api, String stage, String key, Instant now) {
        return store.get(api, stage, key, now)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .orElse(null);
    }

    @Test
    void get_beforeTtl_returnsThePayload_atTtl_nothing() {
        store.put("api", "live", "a:300:h", bytes("{\"p\":1}"), T0, Duration.ofSeconds(300));

        assertThat(text("api", "live", "a:300:h", T0.plusSeconds(299))).isEqualTo("{\"p\":1}");
        assertThat(store.get("api", "live", "a:300:h", T0.plusSeconds(300))).isEmpty();
    }

    @Test
    void get_otherKeyStageOrApi_returnsNothing() {
        store.put("api", "live", "k", bytes("v"), T0, Duration.ofSeconds(60));

        assertThat(store.get("api", "live", "other", T0)).isEmpty();
        assertThat(store.get("api", "test", "k", T0)).isEmpty();
        assertThat(store.get("api2", "live", "k", T0)).isEmpty();
    }

    @Test
    void put_sameKey_replacesThePayloadAndItsTtl() {
        store.put("api", "live", "k", bytes("old"), T0, Duration.ofSeconds(10));
        store.put("api", "live", "k", bytes("new"), T0.plusSeconds(5), Duration.ofSeconds(10));

        assertThat(text("api", "live", "k", T0.plusSeconds(14))).isEqualTo("new");
    }

    @Test
    void put_zeroTtl_keepsNothing() {
        store.put("api", "live", "k", bytes("v"), T0, Duration.ZERO);

        assertThat(store.get("api", "live", "k", T0)).isEmpty();
    }

    @Test
    void flush_dropsTheStageOfTheApiOnly_andPutsAfterItServe() {
        store.put("api", "live", "a", bytes("1"), T0, Duration.ofSeconds(60));
        store.put("api", "live", "b", bytes("2"), T0, Duration.ofSeconds(60));
        store.put("api", "test", "a", bytes("3"), T0, Duration.ofSeconds(60));
        store.put("api2", "live", "a", bytes("4"), T0, Duration.ofSeconds(60));

        store.flush("api", "live");

        assertThat(store.get("api", "live", "a", T0)).isEmpty();
        assertThat(store.get("api", "live", "b", T0)).isEmpty();
        assertThat(text("api", "test", "a", T0)).isEqualTo("3");
        assertThat(text("api2", "live", "a", T0)).isEqualTo("4");
        store.put("api", "live", "a", bytes("5"), T0, Duration.ofSeconds(60));
        assertThat(text("api", "live", "a", T0)).isEqualTo("5");
    }
}
