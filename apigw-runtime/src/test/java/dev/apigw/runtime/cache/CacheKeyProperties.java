package dev.apigw.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property of the cache key (reference 9.3): two requests whose {@code cacheKeyParameters} values
 * differ never share an entry, and requests differing only in parameters not listed do. Values are
 * drawn from a small alphabet rich in the characters a naive key would confuse ({@code :}, {@code
 * *}, {@code -}, digits, empty values, absent parameters).
 */
class CacheKeyProperties {
    private static final String[] ALPHABET = {"", "1", ":", "1:", "*", "-", "a", "0*", "1:a"};

    static Stream<Long> seeds() {
        return LongStream.range(0, 10).boxed();
    }

    /** A value or null (the parameter is absent). */
    private static String draw(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return value.toString();
    }

    private static Exchange request(String id, String type, String tenant, String ignored) {
        StringBuilder target = new StringBuilder("/test/items/").append(id).append('?');
        if (type != null) {
            target.append("type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8));
        }
        target.append("&ignored=").append(URLEncoder.encode(ignored, StandardCharsets.UTF_8));
        Request.Builder request = Request.builder().httpMethod("GET").target(target.toString());
        if (tenant != null) {
            request.header("X-Tenant", tenant);
        }
        return TestExchanges.builder()
                .stage(Stage.builder().stageName("test").cacheClusterEnabled(true).build())
                .method(
                        "/items/{id}",
                        "GET",
                        m ->
                                m.integration(
                                        i ->
                                                i.type(IntegrationType.MOCK)
                                                        .cacheKeyParameters(
                                                                List.of(
                                                                        "method.request.path.id",
                                                                        "method.request.querystring.type",
                                                                        "method.request.header.X-Tenant"))))
                .routed(request.build());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void of_distinctKeyParameterTuples_neverShareAKey(long seed) {
        Random random = new Random(seed);
        Map<String, List<String>> tuplesByKey = new HashMap<>();
        List<List<String>> tuples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = draw(random);
            List<String> tuple =
                    new ArrayList<>(
                            java.util.Arrays.asList(
                                    id == null || id.isEmpty() ? "x" : id,
                                    draw(random),
                                    draw(random)));
            tuples.add(tuple);
            String ignored = String.valueOf(random.nextInt());
            String key = CacheKey.of(request(tuple.get(0), tuple.get(1), tuple.get(2), ignored));
            List<String> previous = tuplesByKey.putIfAbsent(key, tuple);
            if (previous != null) {
                assertThat(previous).as("tuples sharing key %s", key).isEqualTo(tuple);
            }
        }
        assertThat(tuples).isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void of_requestsDifferingOnlyInUnlistedParameters_shareAKey(long seed) {
        Random random = new Random(seed);
        String type = draw(random);
        String tenant = draw(random);

        String one = CacheKey.of(request("7", type, tenant, "a" + random.nextInt()));
        String two = CacheKey.of(request("7", type, tenant, "b" + random.nextInt()));

        assertThat(one).isEqualTo(two);
    }
}
