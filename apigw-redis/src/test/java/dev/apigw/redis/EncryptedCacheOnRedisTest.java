package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.Deployment;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stage with {@code cacheDataEncrypted} (reference 9.3) served by two {@code Api}s, each on its
 * own {@code Gateway} and {@code RedisStores}, as two JVMs of a fleet (issue 16): given the same
 * {@code cacheDataKey} secret, an entry one encrypts is a hit on the other; given different
 * secrets, or none (each JVM's own random keys), it is a miss. Redis never holds the plain body.
 * Both nodes serve the same deployment ({@code dep123}), as a fleet does: an entry's key starts
 * with the id of the deployment that served it, and {@code deploy("prod")} would draw a random one
 * in each JVM.
 */
class EncryptedCacheOnRedisTest {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private static final String MARKER = "plain-body-marker";
    private static final Instant DEPLOYED = Instant.parse("2026-12-05T00:00:00Z");

    private final RedisClients clients = new RedisClients(REDIS.uri());
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private static byte[] secret(int first) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) first);
        return secret;
    }

    private Api node(byte[] secret) {
        // correctness, not latency: a timeout no busy CI machine reaches
        RedisStores stores = clients.open(clients.stores().commandTimeout(Duration.ofSeconds(10)));
        Gateway.Builder account = stores.applyTo(Gateway.builder());
        if (secret != null) {
            account.cacheDataKey(secret);
        }
        String function = "items";
        RestApi restApi =
                RestApi.builder()
                        .id("fleet12345")
                        .name("fleet")
                        .resource(
                                "/items",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        uri(
                                                                                                function)))))
                        .build();
        MethodSetting caching =
                MethodSetting.builder()
                        .cachingEnabled(true)
                        .cacheDataEncrypted(true)
                        .cacheTtlInSeconds(300)
                        .build();
        return Api.builder()
                .gateway(account.build())
                .restApi(restApi)
                .deployment(new Deployment("dep123", "", DEPLOYED, restApi))
                .stage(
                        Stage.builder()
                                .stageName("prod")
                                .deploymentId("dep123")
                                .cacheClusterEnabled(true)
                                .cacheClusterSize("0.5")
                                .putMethodSetting("*/*", caching)
                                .build())
                .lambda(
                        function,
                        invocation ->
                                LambdaResult.of(
                                        ("{\"statusCode\":200,\"body\":\""
                                                        + MARKER
                                                        + "-"
                                                        + calls.incrementAndGet()
                                                        + "\"}")
                                                .getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static String uri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:"
                + function
                + "/invocations";
    }

    private static Response get(Api node) {
        return node.handle(Request.builder().httpMethod("GET").target("/prod/items").build());
    }

    @Test
    void encryptedEntry_sameSecret_isAHitOnTheOtherNode() {
        Api first = node(secret(7));
        Api second = node(secret(7));

        Response written = get(first);
        Response read = get(second);

        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.bodyAsString()).isEqualTo(MARKER + "-1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void encryptedEntry_inRedis_isNotThePlainBody() {
        get(node(secret(7)));

        RedisCommands<String, String> redis = clients.commands();
        List<String> entries = redis.keys("test:*cache:{fleet12345/prod#*}:e:*");
        assertThat(entries).hasSize(1);
        String stored = redis.get(entries.get(0));
        assertThat(stored).isNotEmpty().doesNotContain(MARKER);
    }

    @Test
    void encryptedEntry_otherSecret_isAMiss() {
        Api first = node(secret(7));
        Api second = node(secret(8));

        get(first);
        Response read = get(second);

        assertThat(read.bodyAsString()).isEqualTo(MARKER + "-2");
        assertThat(calls).hasValue(2);
    }

    @Test
    void encryptedEntry_noSecret_isAMissOnTheOtherNode() {
        Api first = node(null);
        Api second = node(null);

        get(first);
        Response read = get(second);

        assertThat(read.bodyAsString()).isEqualTo(MARKER + "-2");
        assertThat(calls).hasValue(2);
    }
}
