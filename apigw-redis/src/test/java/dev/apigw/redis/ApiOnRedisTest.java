package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ApiKey;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two {@code Api}s, each on its own account {@code Gateway} and its own {@code RedisStores} (as two
 * JVMs of a fleet would be), share one Redis: a usage plan's quota and a stage's throttle admit
 * exactly their limit across both under eight threads each (reference 8.2, 9.4), and a Lambda
 * authorizer's answer one node got serves the other until FlushStageAuthorizersCache (8.3, 9.3).
 */
class ApiOnRedisTest {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private static final ApiKey KEY = ApiKey.of("FleetKey0123456789abcdef");
    private static final int THREADS = 8;
    private static final int REQUESTS = 20;

    private final RedisClients clients = new RedisClients(REDIS.uri());

    @AfterEach
    void closeClients() {
        for (RedisStores stores : nodes) {
            assertThat(stores.rateLimitStore().failureCount()).as("rate limit failures").isZero();
            assertThat(stores.usageStore().failureCount()).as("usage failures").isZero();
        }
        clients.close();
    }

    private final List<RedisStores> nodes = new ArrayList<>();

    private Api node(QuotaSettings quota, MethodSetting stageLimit) {
        // correctness, not latency: a timeout no busy CI machine reaches
        RedisStores stores = clients.open(clients.stores().commandTimeout(Duration.ofSeconds(10)));
        nodes.add(stores);
        Gateway gateway = stores.applyTo(Gateway.builder()).build();
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
                                                        m.apiKeyRequired(true)
                                                                .methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .build();
        UsagePlan.Builder plan =
                UsagePlan.builder().id("plan1").name("p").addApiStage(restApi.id(), "prod");
        if (quota != null) {
            plan.quota(quota);
        }
        return Api.builder()
                .gateway(gateway)
                .restApi(restApi)
                .deploy(
                        "prod",
                        s -> {
                            if (stageLimit != null) {
                                s.putMethodSetting("*/*", stageLimit);
                            }
                        })
                .apiKey(KEY)
                .usagePlan(plan.addApiKey(KEY).build())
                .build();
    }

    /** Sends {@link #REQUESTS} requests from each of {@link #THREADS} threads to each node. */
    private static List<Response> hammer(Api... nodes) throws Exception {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/items")
                        .header("x-api-key", KEY.value())
                        .build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS * nodes.length);
        try {
            List<Future<List<Response>>> futures = new ArrayList<>();
            for (Api node : nodes) {
                for (int t = 0; t < THREADS; t++) {
                    futures.add(
                            pool.submit(
                                    () -> {
                                        start.await();
                                        List<Response> responses = new ArrayList<>();
                                        for (int i = 0; i < REQUESTS; i++) {
                                            responses.add(node.handle(request));
                                        }
                                        return responses;
                                    }));
                }
            }
            start.countDown();
            List<Response> all = new ArrayList<>();
            for (Future<List<Response>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> responses, int status, String body) {
        return responses.stream()
                .filter(r -> r.statusCode() == status && r.bodyAsString().contains(body))
                .count();
    }

    @Test
    void quota_twoNodesOnOneRedis_admitExactlyTheLimit() throws Exception {
        QuotaSettings quota = QuotaSettings.of(75, QuotaPeriodType.DAY);

        List<Response> responses = hammer(node(quota, null), node(quota, null));

        assertThat(responses).hasSize(2 * THREADS * REQUESTS);
        assertThat(count(responses, 200, "")).isEqualTo(75);
        assertThat(count(responses, 429, "Limit Exceeded")).isEqualTo(2 * THREADS * REQUESTS - 75);
    }

    @Test
    void stageThrottle_twoNodesOnOneRedis_admitExactlyTheBurst() throws Exception {
        MethodSetting limit =
                MethodSetting.builder().throttlingBurstLimit(40).throttlingRateLimit(0.001).build();

        List<Response> responses = hammer(node(null, limit), node(null, limit));

        assertThat(count(responses, 200, "")).isEqualTo(40);
        assertThat(count(responses, 429, "Too Many Requests"))
                .isEqualTo(2 * THREADS * REQUESTS - 40);
    }

    private Api authorizedNode(AtomicInteger authorizerCalls) {
        RedisStores stores = clients.open(clients.stores().commandTimeout(Duration.ofSeconds(10)));
        nodes.add(stores);
        Gateway gateway = stores.applyTo(Gateway.builder()).build();
        String function = "token-authorizer";
        RestApi restApi =
                RestApi.builder()
                        .id("fleet12345")
                        .name("fleet")
                        .authorizer(
                                Authorizer.builder()
                                        .id("auth01")
                                        .name("token-auth")
                                        .type(AuthorizerType.TOKEN)
                                        .authorizerUri(
                                                "arn:aws:apigateway:us-east-1:lambda:path/"
                                                        + "2015-03-31/functions/arn:aws:lambda:"
                                                        + "us-east-1:123456789012:function:"
                                                        + function
                                                        + "/invocations")
                                        .identitySource("method.request.header.Authorization")
                                        .authorizerResultTtlInSeconds(300)
                                        .build())
                        .resource(
                                "/items",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.authorizationType(
                                                                        AuthorizationType.CUSTOM)
                                                                .authorizerId("auth01")
                                                                .methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .build();
        return Api.builder()
                .gateway(gateway)
                .restApi(restApi)
                .deploy("prod")
                .lambda(
                        function,
                        invocation -> {
                            authorizerCalls.incrementAndGet();
                            return LambdaResult.of(
                                    ("{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":"
                                                    + "{\"Effect\":\"Allow\",\"Action\":"
                                                    + "\"execute-api:Invoke\",\"Resource\":\"*\"}}}")
                                            .getBytes(StandardCharsets.UTF_8));
                        })
                .build();
    }

    @Test
    void lambdaAuthorizer_answerOfOneNode_servesTheOther_untilFlush() {
        AtomicInteger calls = new AtomicInteger();
        Api first = authorizedNode(calls);
        Api second = authorizedNode(calls);
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/items")
                        .header("Authorization", "token-1")
                        .build();

        assertThat(first.handle(request).statusCode()).isEqualTo(200);
        assertThat(second.handle(request).statusCode()).isEqualTo(200);
        assertThat(calls).hasValue(1);

        second.flushStageAuthorizersCache("prod");

        assertThat(first.handle(request).statusCode()).isEqualTo(200);
        assertThat(calls).hasValue(2);
        assertThat(nodes.get(0).authorizerResultStore().failureCount()).isZero();
    }
}
