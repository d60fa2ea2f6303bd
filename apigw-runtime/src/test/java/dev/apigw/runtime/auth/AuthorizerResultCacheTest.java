package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result cache of a Lambda authorizer (reference 8.3, 9.3), on the request's clock. */
class AuthorizerResultCacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] PAYLOAD =
            ("{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":{\"Effect\":"
                            + "\"Allow\",\"Action\":\"execute-api:Invoke\","
                            + "\"Resource\":\"*\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
    private static final AuthorizerAnswer ANSWER = AuthorizerAnswer.parse(PAYLOAD);

    private static AuthorizerResultCache.Key key(String stage, Object identity) {
        return new AuthorizerResultCache.Key(stage, identity);
    }

    @Test
    void get_beforeTtl_returnsTheAnswerAndAtTtl_dropsIt() {
        AuthorizerResultCache<AuthorizerAnswer> cache = AuthorizerResultCache.of(300);
        cache.put(key("live", "t"), ANSWER, PAYLOAD, T0);

        assertThat(cache.get(key("live", "t"), T0)).isSameAs(ANSWER);
        assertThat(cache.get(key("live", "t"), T0.plusSeconds(299).plusMillis(999)))
                .isSameAs(ANSWER);
        assertThat(cache.get(key("live", "t"), T0.plusSeconds(300))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void get_otherStageOrIdentity_missesTheEntry() {
        AuthorizerResultCache<AuthorizerAnswer> cache = AuthorizerResultCache.of(60);
        cache.put(key("live", List.of("a", "b")), ANSWER, PAYLOAD, T0);

        assertThat(cache.get(key("live", List.of("a", "b")), T0)).isSameAs(ANSWER);
        assertThat(cache.get(key("test", List.of("a", "b")), T0)).isNull();
        assertThat(cache.get(key("live", List.of("a", "c")), T0)).isNull();
        assertThat(cache.get(key("live", "a"), T0)).isNull();
    }

    @Test
    void ttlZero_cachesNothing() {
        AuthorizerResultCache<AuthorizerAnswer> cache = AuthorizerResultCache.of(0);
        cache.put(key("live", "t"), ANSWER, PAYLOAD, T0);

        assertThat(cache.isEnabled()).isFalse();
        assertThat(cache.get(key("live", "t"), T0)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void flush_dropsOnlyTheStagesEntries() {
        AuthorizerResultCache<AuthorizerAnswer> cache = AuthorizerResultCache.of(60);
        cache.put(key("live", "a"), ANSWER, PAYLOAD, T0);
        cache.put(key("live", "b"), ANSWER, PAYLOAD, T0);
        cache.put(key("test", "a"), ANSWER, PAYLOAD, T0);

        cache.flush("live");

        assertThat(cache.get(key("live", "a"), T0)).isNull();
        assertThat(cache.get(key("live", "b"), T0)).isNull();
        assertThat(cache.get(key("test", "a"), T0)).isSameAs(ANSWER);
    }

    @Test
    void put_pastTheBound_evictsEntries() {
        AuthorizerResultCache<AuthorizerAnswer> cache =
                AuthorizerResultCache.of(Duration.ofMinutes(5), 10);
        for (int i = 0; i < 1000; i++) {
            cache.put(key("live", "token-" + i), ANSWER, PAYLOAD, T0);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void put_again_restartsTheTtl() {
        AuthorizerResultCache<AuthorizerAnswer> cache = AuthorizerResultCache.of(10);
        cache.put(key("live", "t"), ANSWER, PAYLOAD, T0);
        cache.put(key("live", "t"), ANSWER, PAYLOAD, T0.plusSeconds(8));

        assertThat(cache.get(key("live", "t"), T0.plusSeconds(15))).isSameAs(ANSWER);
    }

    @Test
    void shared_answerPutByOneApi_servesAnotherOnTheSameStore_untilTtlOrFlush() {
        InMemoryAuthorizerResultStore store = new InMemoryAuthorizerResultStore();
        AuthorizerCaches first = AuthorizerCaches.shared(store, "api1");
        AuthorizerCaches second = AuthorizerCaches.shared(store, "api1");
        first.of("auth1", 300).put(key("live", "token"), ANSWER, PAYLOAD, T0);

        AuthorizerAnswer served = second.of("auth1", 300).get(key("live", "token"), T0);

        assertThat(served).isNotNull();
        assertThat(served.principalId()).isEqualTo("u");
        assertThat(second.of("auth1", 300).get(key("live", "other"), T0)).isNull();
        assertThat(second.of("auth1", 60).get(key("live", "token"), T0)).isNull();
        assertThat(AuthorizerCaches.shared(store, "api2").of("auth1", 300))
                .satisfies(other -> assertThat(other.get(key("live", "token"), T0)).isNull());
        assertThat(second.of("auth1", 300).get(key("live", "token"), T0.plusSeconds(300))).isNull();

        second.flushStage("live");

        assertThat(first.of("auth1", 300).get(key("live", "token"), T0)).isNull();
    }

    @Test
    void shared_storeNeverSeesTheToken() {
        InMemoryAuthorizerResultStore store = new InMemoryAuthorizerResultStore();
        AuthorizerCaches.shared(store, "api1")
                .of("auth1", 300)
                .put(key("live", "secret-token"), ANSWER, PAYLOAD, T0);

        assertThat(store.keys("api1", "live"))
                .singleElement()
                .satisfies(k -> assertThat(k).startsWith("auth1:300:").doesNotContain("secret"));
    }
}
