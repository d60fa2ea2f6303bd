package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.CacheCluster;
import dev.apigw.runtime.spi.IamCredentials;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.spi.ResponseCacheStore;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The stage cache through {@link Api#handle} (reference 9.3, 9.1, 9.2, 8.7): a counting Lambda
 * proxy function stands for the backend, so each test sees which requests reached it; time from a
 * {@link ManualClock}.
 */
class CacheScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String ALICE_KEY = "AKIAALICE00000000001";
    private static final String ALICE_SECRET = "alice/secret/0123456789abcdefghijklmnopq";
    private static final String CAROL_KEY = "AKIACAROL00000000003";
    private static final String CAROL_SECRET = "carol/secret/0123456789abcdefghijklmnopq";
    private static final String INVALIDATE_SECURE =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"execute-api:InvalidateCache\","
                    + "\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:*/prod/GET/secure\"}]}";
    private static final String WARNING =
            "199 Cache-control headers were ignored because the caller was unauthorized.";

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-12-04T10:00:00Z"));
    private final AtomicInteger calls = new AtomicInteger();

    private static Integration proxy(Consumer<Integration.Builder> changes) {
        Integration.Builder i =
                Integration.builder()
                        .type(IntegrationType.AWS_PROXY)
                        .httpMethod("POST")
                        .uri(LambdaProxyScenarioTest.uri("items"));
        changes.accept(i);
        return i.build();
    }

    private static RestApi restApi() {
        return RestApi.builder()
                .name("cached-api")
                .resource(
                        "/items/{id}",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(
                                                        proxy(
                                                                i ->
                                                                        i.cacheKeyParameters(
                                                                                List.of(
                                                                                        "method.request.path.id",
                                                                                        "method.request.querystring.type",
                                                                                        "method.request.header.X-Tenant"))))))
                .resource("/a", r -> r.method("GET", m -> m.integration(shared())))
                .resource("/b", r -> r.method("GET", m -> m.integration(shared())))
                .resource("/c", r -> r.method("GET", m -> m.integration(proxy(i -> {}))))
                .resource(
                        "/secure",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.authorizationType(AuthorizationType.AWS_IAM)
                                                        .integration(proxy(i -> {}))))
                .build();
    }

    private static Integration shared() {
        return proxy(i -> i.cacheNamespace("shared"));
    }

    /** Answers a proxy response whose body names the call and what the event carried. */
    private LambdaFunction counting() {
        return invocation -> {
            try {
                JsonNode event = JSON.readTree(invocation.payload());
                ObjectNode body = JSON.createObjectNode();
                body.put("call", calls.incrementAndGet());
                body.put("path", event.path("path").asText());
                body.put("type", event.path("queryStringParameters").path("type").asText());
                body.put("tenant", event.path("headers").path("X-Tenant").asText());
                ObjectNode reply = JSON.createObjectNode();
                reply.put("statusCode", 200);
                reply.putObject("headers").put("Content-Type", "application/json");
                reply.put("body", body.toString());
                return LambdaResult.of(JSON.writeValueAsBytes(reply));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private Gateway gateway(ResponseCacheStore store) {
        return Gateway.builder()
                .clock(clock)
                .region("us-east-1")
                .accountId(ACCOUNT)
                .responseCacheStore(store)
                .build();
    }

    private Api api(Consumer<Stage.Builder> prod) {
        return api(gateway(ResponseCacheStore.inMemory(clock)), prod);
    }

    private Api api(Gateway gateway, Consumer<Stage.Builder> prod) {
        Map<String, IamCredentials> known =
                Map.of(
                        ALICE_KEY,
                        IamCredentials.of(
                                        ALICE_SECRET,
                                        ACCOUNT,
                                        "arn:aws:iam::" + ACCOUNT + ":user/alice")
                                .withPolicy(INVALIDATE_SECURE),
                        CAROL_KEY,
                        IamCredentials.of(
                                CAROL_SECRET, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/carol"));
        return Api.builder()
                .gateway(gateway)
                .restApi(restApi())
                .deploy(
                        "prod",
                        s -> prod.accept(s.cacheClusterEnabled(true).cacheClusterSize("0.5")))
                .lambda("items", counting())
                .credentials(key -> Optional.ofNullable(known.get(key)))
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .build();
    }

    private static Consumer<Stage.Builder> setting(Consumer<MethodSetting.Builder> changes) {
        MethodSetting.Builder b = MethodSetting.builder().cachingEnabled(true);
        changes.accept(b);
        MethodSetting setting = b.build();
        return s -> s.putMethodSetting("*/*", setting);
    }

    private static Request get(String target, String... headers) {
        Request.Builder request = Request.builder().httpMethod("GET").target(target);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    private static int call(Response response) {
        try {
            return JSON.readTree(response.body()).path("call").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SigV4Requests signer(String key, String secret) {
        return SigV4Requests.of(
                AwsCredentialsIdentity.create(key, secret),
                clock,
                "abc123.execute-api.us-east-1.amazonaws.com");
    }

    @Test
    void handle_sameGetTwice_secondIsTheCachedAnswerWithItsOwnRequestId() {
        Api api = api(s -> {});

        Response first = api.handle(get("/prod/c"));
        Response second = api.handle(get("/prod/c"));

        assertThat(calls).hasValue(1);
        assertThat(second).hasStatus(200).hasContentType("application/json");
        assertThat(second.bodyAsString()).isEqualTo(first.bodyAsString());
        assertThat(second.headers().first("x-amzn-RequestId"))
                .isPresent()
                .isNotEqualTo(first.headers().first("x-amzn-RequestId"));
    }

    @Test
    void handle_ttlPassed_callsTheBackendAgain() {
        Api api = api(setting(m -> m.cacheTtlInSeconds(300)));
        api.handle(get("/prod/c"));

        clock.advance(Duration.ofSeconds(299));
        assertThat(call(api.handle(get("/prod/c")))).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(call(api.handle(get("/prod/c")))).isEqualTo(2);
        assertThat(call(api.handle(get("/prod/c")))).isEqualTo(2);
    }

    @Test
    void handle_callersDifferingInAKeyParameter_neverGetEachOthersAnswer() {
        Api api = api(s -> {});
        Response admin = api.handle(get("/prod/items/1?type=admin", "X-Tenant", "t1"));
        Response user = api.handle(get("/prod/items/1?type=user", "X-Tenant", "t1"));
        Response otherTenant = api.handle(get("/prod/items/1?type=admin", "X-Tenant", "t2"));
        Response otherItem = api.handle(get("/prod/items/2?type=admin", "X-Tenant", "t1"));
        Response noTenant = api.handle(get("/prod/items/1?type=admin"));

        assertThat(List.of(admin, user, otherTenant, otherItem, noTenant))
                .extracting(CacheScenarioTest::call)
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(api.handle(get("/prod/items/1?type=user", "X-Tenant", "t1")))
                .hasJsonPath("$.type", "user")
                .hasJsonPath("$.call", 2);
    }

    @Test
    void handle_callersDifferingOnlyInUnlistedParameters_shareAnEntry() {
        Api api = api(s -> {});

        api.handle(get("/prod/items/1?type=admin&department=A", "X-Tenant", "t1"));
        Response other =
                api.handle(
                        get(
                                "/prod/items/1?type=admin&department=B",
                                "X-Tenant",
                                "t1",
                                "X-Other",
                                "o"));

        assertThat(calls).hasValue(1);
        assertThat(other).hasJsonPath("$.call", 1);
    }

    @Test
    void handle_resourcesSharingANamespace_shareEntries() {
        Api api = api(s -> {});

        api.handle(get("/prod/a"));
        Response b = api.handle(get("/prod/b"));

        assertThat(calls).hasValue(1);
        assertThat(b).hasJsonPath("$.path", "/a");
    }

    @Test
    void handle_resourcesWithTheirDefaultNamespace_keepEntriesApart() {
        Api api = api(s -> {});

        api.handle(get("/prod/a"));
        Response c = api.handle(get("/prod/c"));

        assertThat(calls).hasValue(2);
        assertThat(c).hasJsonPath("$.path", "/c");
    }

    @Test
    void flushStageCache_dropsEveryEntryOfTheStage() {
        Api api = api(s -> {});
        api.handle(get("/prod/a"));
        api.handle(get("/prod/c"));

        api.flushStageCache("prod");

        assertThat(call(api.handle(get("/prod/a")))).isEqualTo(3);
        assertThat(call(api.handle(get("/prod/c")))).isEqualTo(4);
    }

    @Test
    void flushStageCache_unknownStage_throws() {
        assertThatThrownBy(() -> api(s -> {}).flushStageCache("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no stage named nope");
    }

    @Test
    void handle_encryptedStage_storesNoPlaintextAndServesTheDecryptedHit() {
        RecordingStore store = new RecordingStore(ResponseCacheStore.inMemory(clock));
        Api api = api(gateway(store), setting(m -> m.cacheDataEncrypted(true)));

        Response first = api.handle(get("/prod/items/42?type=secret-marker"));
        Response hit = api.handle(get("/prod/items/42?type=secret-marker"));

        assertThat(calls).hasValue(1);
        assertThat(hit.bodyAsString()).isEqualTo(first.bodyAsString()).contains("secret-marker");
        assertThat(store.puts).hasSize(1);
        String stored = new String(store.puts.get(0), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("secret-marker").doesNotContain("application/json");
    }

    @Test
    void handle_unencryptedStage_storesThePlainResponse() {
        RecordingStore store = new RecordingStore(ResponseCacheStore.inMemory(clock));
        Api api = api(gateway(store), s -> {});

        api.handle(get("/prod/items/42?type=plain-marker"));

        assertThat(new String(store.puts.get(0), StandardCharsets.ISO_8859_1))
                .contains("plain-marker");
    }

    @Test
    void handle_maxAgeZeroFromCallerAllowedInvalidateCache_refetchesAndReplacesTheEntry() {
        Api api = api(s -> {});
        SigV4Requests alice = signer(ALICE_KEY, ALICE_SECRET);
        api.handle(alice.sign("GET", "/prod/secure"));

        Response invalidated =
                api.handle(
                        alice.sign(
                                "GET", "/prod/secure", Map.of("Cache-Control", "max-age=0"), ""));
        Response after = api.handle(alice.sign("GET", "/prod/secure"));

        assertThat(call(invalidated)).isEqualTo(2);
        assertThat(invalidated).doesNotHaveHeader("Warning");
        assertThat(call(after)).isEqualTo(2);
    }

    @Test
    void handle_maxAgeZeroFromCallerWithoutPermission_servesTheCachedAnswerWithAWarning() {
        Api api = api(s -> {});
        SigV4Requests carol = signer(CAROL_KEY, CAROL_SECRET);
        api.handle(carol.sign("GET", "/prod/secure"));

        Response response =
                api.handle(
                        carol.sign(
                                "GET", "/prod/secure", Map.of("Cache-Control", "max-age=0"), ""));

        assertThat(call(response)).isEqualTo(1);
        assertThat(response).hasStatus(200).hasHeader("Warning", WARNING);
    }

    @Test
    void handle_maxAgeZeroUnauthorizedWithFailWith403_answers403() {
        Api api =
                api(
                        setting(
                                m ->
                                        m.unauthorizedCacheControlHeaderStrategy(
                                                UnauthorizedCacheControlHeaderStrategy
                                                        .FAIL_WITH_403)));
        api.handle(get("/prod/c"));

        Response response = api.handle(get("/prod/c", "Cache-Control", "max-age=0"));

        assertThat(response)
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasJsonBody("{\"message\":\"Unauthorized\"}");
        assertThat(calls).hasValue(1);
    }

    @Test
    void handle_maxAgeZeroWithoutRequiredAuthorization_anyoneInvalidates() {
        Api api = api(setting(m -> m.requireAuthorizationForCacheControl(false)));
        api.handle(get("/prod/c"));

        Response response = api.handle(get("/prod/c", "Cache-Control", "max-age=0"));

        assertThat(call(response)).isEqualTo(2);
        assertThat(call(api.handle(get("/prod/c")))).isEqualTo(2);
    }

    @Test
    void handle_rebuiltApiOnTheSameDeployment_keepsTheEntries() {
        Api api = api(s -> {});
        api.handle(get("/prod/c"));

        Api rebuilt = api.toBuilder().gateway(api.gateway().toBuilder().build()).build();

        assertThat(call(rebuilt.handle(get("/prod/c")))).isEqualTo(1);
        assertThat(rebuilt.gateway().responseCacheStore())
                .isSameAs(api.gateway().responseCacheStore());
    }

    @Test
    void handle_twoGatewaysOnOneStoreWithOneDeploymentId_shareTheEntries() {
        ResponseCacheStore shared = ResponseCacheStore.inMemory(clock);
        Api fleetA = fleetMember(shared, "fleet01");
        Api fleetB = fleetMember(shared, "fleet01");
        Api other = fleetMember(shared, "fleet02");

        fleetA.handle(get("/prod/c"));

        assertThat(call(fleetB.handle(get("/prod/c")))).isEqualTo(1);
        assertThat(call(other.handle(get("/prod/c")))).isEqualTo(2);
    }

    /**
     * An Api on a Gateway of its own (as in another JVM of a fleet) whose cache store is {@code
     * store}, its stage deployed with {@code deploymentId}.
     */
    private Api fleetMember(ResponseCacheStore store, String deploymentId) {
        return Api.builder()
                .gateway(gateway(store))
                .restApi(restApi())
                .deploy(
                        "prod",
                        deploymentId,
                        s -> s.cacheClusterEnabled(true).cacheClusterSize("0.5"))
                .lambda("items", counting())
                .build();
    }

    @Test
    void handle_newDeployment_doesNotServeTheOldDeploymentsEntries() {
        Api api = api(s -> {});
        api.handle(get("/prod/c"));

        Api redeployed = api.toBuilder().deploy("prod", s -> s.cacheClusterEnabled(true)).build();

        assertThat(call(redeployed.handle(get("/prod/c")))).isEqualTo(2);
    }

    @ParameterizedTest(name = "useStageCache {0}: second canary request calls {1} times")
    @CsvSource({"true, 1", "false, 2"})
    void handle_canaryRequests_useTheStageCacheOnlyWithUseStageCache(
            boolean useStageCache, int expectedCalls) {
        Api canaried =
                api(s -> {})
                        .deployCanary(
                                "prod", c -> c.percentTraffic(100.0).useStageCache(useStageCache));

        canaried.handle(get("/prod/c"));
        Response second = canaried.handle(get("/prod/c"));

        assertThat(call(second)).isEqualTo(expectedCalls);
        assertThat(calls).hasValue(expectedCalls);
    }

    @Test
    void handle_canaryOnAnotherDeployment_doesNotReadTheStagesEntries() {
        Api api = api(s -> {});
        api.handle(get("/prod/c"));

        Api canaried = api.deployCanary("prod", c -> c.percentTraffic(100.0).useStageCache(true));

        assertThat(call(canaried.handle(get("/prod/c")))).isEqualTo(2);
    }

    @Test
    void handle_backendErrorStatus_isCachedLikeAnyIntegrationAnswer() {
        AtomicInteger invocations = new AtomicInteger();
        Api api =
                Api.builder()
                        .gateway(gateway(ResponseCacheStore.inMemory(clock)))
                        .restApi(restApi())
                        .deploy("prod", s -> s.cacheClusterEnabled(true))
                        .lambda(
                                "items",
                                invocation ->
                                        LambdaResult.of(
                                                ("{\"statusCode\":503,\"body\":\"busy "
                                                                + invocations.incrementAndGet()
                                                                + "\"}")
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .build();

        api.handle(get("/prod/c"));
        Response second = api.handle(get("/prod/c"));

        assertThat(second).hasStatus(503).hasBody("busy 1");
    }

    @Test
    void handle_gatewayResponse_isNeverCached() {
        Api api =
                Api.builder()
                        .gateway(gateway(ResponseCacheStore.inMemory(clock)))
                        .restApi(restApi())
                        .deploy("prod", s -> s.cacheClusterEnabled(true))
                        .lambda(
                                "items",
                                invocation -> {
                                    calls.incrementAndGet();
                                    return LambdaResult.of(
                                            "not a proxy response"
                                                    .getBytes(StandardCharsets.UTF_8));
                                })
                        .build();

        assertThat(api.handle(get("/prod/c"))).hasStatus(502);
        assertThat(api.handle(get("/prod/c"))).hasStatus(502);
        assertThat(calls).hasValue(2);
    }

    /** The in-memory store, recording the bytes of every entry put. */
    private static final class RecordingStore implements ResponseCacheStore {
        private final ResponseCacheStore delegate;
        private final List<byte[]> puts = new ArrayList<>();

        RecordingStore(ResponseCacheStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<byte[]> get(CacheCluster cluster, String key) {
            return delegate.get(cluster, key);
        }

        @Override
        public void put(CacheCluster cluster, String key, byte[] entry, Duration ttl) {
            puts.add(entry.clone());
            delegate.put(cluster, key, entry, ttl);
        }

        @Override
        public void invalidate(CacheCluster cluster, String key) {
            delegate.invalidate(cluster, key);
        }

        @Override
        public void flush(CacheCluster cluster) {
            delegate.flush(cluster);
        }
    }
}
