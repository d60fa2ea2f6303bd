package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.ApiGatewayMetrics;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch metrics of API Gateway (reference 10.1) as Micrometer meters, through {@link
 * Api#handle} on a {@link SimpleMeterRegistry}, time from a {@link ManualClock}: the functions and
 * the authorizer of the API move the clock while they run, so latencies are exact. {@code GET
 * /orders} is a MOCK; {@code GET /slow} a Lambda proxy behind a Lambda authorizer (5 ms) whose
 * function takes 30 ms; {@code GET /broken} a Lambda proxy whose Invoke call fails after 7 ms
 * (502); {@code GET /keyed} needs an API key. Every meter has the tags {@code ApiName}, {@code
 * Stage}, {@code Method} and {@code Resource}, empty where the request's dimension set lacks one.
 */
class MetricsScenarioTest {
    private static final String API_ID = "ordersapi1";

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-05-06T07:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Gateway gateway =
            Gateway.builder()
                    .clock(clock)
                    .meterRegistry(registry)
                    .requestResponseExecutor(Runnable::run)
                    .build();

    private static Tags stage(String apiName, String stage) {
        return Tags.of("ApiName", apiName, "Stage", stage, "Method", "", "Resource", "");
    }

    private static Tags method(String stage, String httpMethod, String resource) {
        return Tags.of(
                "ApiName",
                "orders-api",
                "Stage",
                stage,
                "Method",
                httpMethod,
                "Resource",
                resource);
    }

    private static final Tags PROD = stage("orders-api", "prod");

    private static RestApi restApi(String name) {
        return RestApi.builder()
                .id(API_ID)
                .name(name)
                .authorizer(
                        Authorizer.builder()
                                .id("clockauth")
                                .name("clock-auth")
                                .type(AuthorizerType.TOKEN)
                                .authorizerUri(LambdaProxyScenarioTest.uri("authorizer"))
                                .identitySource("method.request.header.Authorization")
                                .build())
                .resource("/orders", r -> r.method("GET", MetricsScenarioTest::mock))
                .resource("/keyed", r -> r.method("GET", m -> mock(m.apiKeyRequired(true))))
                .resource(
                        "/slow",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                proxy(m, "slow")
                                                        .authorizationType(AuthorizationType.CUSTOM)
                                                        .authorizerId("clockauth")))
                .resource("/broken", r -> r.method("GET", m -> proxy(m, "broken")))
                .build();
    }

    private static Method.Builder mock(Method.Builder m) {
        return m.methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse("200", ir -> {}));
    }

    private static Method.Builder proxy(Method.Builder m, String function) {
        return m.integration(
                i ->
                        i.type(IntegrationType.AWS_PROXY)
                                .httpMethod("POST")
                                .uri(LambdaProxyScenarioTest.uri(function)));
    }

    private Api api(String name, Consumer<Stage.Builder> prod) {
        return Api.builder()
                .gateway(gateway)
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi(name))
                .deploy("prod", prod)
                .lambda(
                        "authorizer",
                        invocation -> {
                            clock.advance(Duration.ofMillis(5));
                            return json(
                                    "{\"principalId\":\"u\",\"policyDocument\":{\"Version\":"
                                            + "\"2012-10-17\",\"Statement\":[{\"Action\":"
                                            + "\"execute-api:Invoke\",\"Effect\":\"Allow\","
                                            + "\"Resource\":\"*\"}]}}");
                        })
                .lambda(
                        "slow",
                        invocation -> {
                            clock.advance(Duration.ofMillis(30));
                            return json("{\"statusCode\":200,\"body\":\"done\"}");
                        })
                .lambda(
                        "broken",
                        invocation -> {
                            clock.advance(Duration.ofMillis(7));
                            throw new IllegalStateException("the Invoke call failed");
                        })
                .build();
    }

    private Api api() {
        return api("orders-api", s -> {});
    }

    private static LambdaResult json(String payload) {
        return LambdaResult.of(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Request get(String target) {
        return Request.of("GET", target);
    }

    private static Request authorized(String target) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("Authorization", "token")
                .build();
    }

    private double count(String name, Tags tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private Timer timer(String name, Tags tags) {
        return registry.get(name).tags(tags).timer();
    }

    private static MethodSetting detailed() {
        return MethodSetting.builder().metricsEnabled(true).build();
    }

    @Test
    void handle_mock200_countedAtTheStage() {
        assertThat(api().handle(get("/prod/orders"))).hasStatus(200);

        assertThat(count("Count", PROD)).isEqualTo(1);
        assertThat(count("4XXError", PROD)).isZero();
        assertThat(count("5XXError", PROD)).isZero();
        assertThat(count("CacheHitCount", PROD)).isZero();
        assertThat(count("CacheMissCount", PROD)).isZero();
        assertThat(timer("Latency", PROD).count()).isEqualTo(1);
        assertThat(timer("Latency", PROD).totalTime(TimeUnit.MILLISECONDS)).isZero();
        assertThat(registry.getMeters())
                .extracting(Meter::getId)
                .allSatisfy(id -> assertThat(id.getTags()).isEqualTo(PROD.stream().toList()))
                .extracting(Meter.Id::getName)
                .containsExactlyInAnyOrder(
                        "Count",
                        "Latency",
                        "IntegrationLatency",
                        "4XXError",
                        "5XXError",
                        "CacheHitCount",
                        "CacheMissCount");
    }

    @Test
    void handle_lambdaBehindAuthorizer_latencyFromReceivedToReturned() {
        assertThat(api().handle(authorized("/prod/slow"))).hasStatus(200).hasBody("done");

        assertThat(timer("Latency", PROD).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(35.0);
        assertThat(timer("IntegrationLatency", PROD).count()).isEqualTo(1);
        assertThat(timer("IntegrationLatency", PROD).totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(30.0);
        assertThat(timer("Latency", PROD).max(TimeUnit.MILLISECONDS)).isEqualTo(35.0);
    }

    @Test
    void handle_missingAuthenticationToken_clientErrorWithoutIntegrationLatency() {
        assertThat(api().handle(get("/prod/nowhere"))).hasStatus(403);

        assertThat(count("Count", PROD)).isEqualTo(1);
        assertThat(count("4XXError", PROD)).isEqualTo(1);
        assertThat(count("5XXError", PROD)).isZero();
        assertThat(timer("IntegrationLatency", PROD).count()).isZero();
    }

    @Test
    void handle_missingApiKey_clientError() {
        assertThat(api().handle(get("/prod/keyed"))).hasStatus(403);

        assertThat(count("4XXError", PROD)).isEqualTo(1);
        assertThat(timer("IntegrationLatency", PROD).count()).isZero();
    }

    @Test
    void handle_throttled_clientError() {
        MethodSetting oneAtATime =
                MethodSetting.builder().throttlingBurstLimit(1).throttlingRateLimit(1).build();
        Api api = api("orders-api", s -> s.putMethodSetting("orders/GET", oneAtATime));

        assertThat(api.handle(get("/prod/orders"))).hasStatus(200);
        assertThat(api.handle(get("/prod/orders"))).hasStatus(429);

        assertThat(count("Count", PROD)).isEqualTo(2);
        assertThat(count("4XXError", PROD)).isEqualTo(1);
        assertThat(timer("IntegrationLatency", PROD).count()).isEqualTo(1);
    }

    @Test
    void handle_failingIntegration_serverErrorWithIntegrationLatency() {
        assertThat(api().handle(get("/prod/broken"))).hasStatus(502);

        assertThat(count("Count", PROD)).isEqualTo(1);
        assertThat(count("4XXError", PROD)).isZero();
        assertThat(count("5XXError", PROD)).isEqualTo(1);
        assertThat(timer("IntegrationLatency", PROD).totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(7.0);
        assertThat(timer("Latency", PROD).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7.0);
    }

    @Test
    void handle_detailedMetricsForOneMethod_thatMethodHasItsOwnSet() {
        Api api = api("orders-api", s -> s.putMethodSetting("orders/GET", detailed()));

        api.handle(get("/prod/orders"));
        api.handle(get("/prod/orders"));
        api.handle(get("/prod/keyed"));

        assertThat(count("Count", method("prod", "GET", "/orders"))).isEqualTo(2);
        assertThat(count("Count", PROD)).isEqualTo(1);
        assertThat(count("4XXError", PROD)).isEqualTo(1);
        assertThat(registry.find("Count").counters()).hasSize(2);
    }

    @Test
    void handle_detailedMetricsStageWide_everyMethodHasItsOwnSet() {
        Api api = api("orders-api", s -> s.putMethodSetting("*/*", detailed()));

        api.handle(get("/prod/orders"));
        api.handle(get("/prod/keyed"));
        api.handle(authorized("/prod/slow"));
        api.handle(get("/prod/nowhere"));

        assertThat(count("Count", method("prod", "GET", "/orders"))).isEqualTo(1);
        assertThat(count("4XXError", method("prod", "GET", "/keyed"))).isEqualTo(1);
        assertThat(
                        timer("IntegrationLatency", method("prod", "GET", "/slow"))
                                .totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(30.0);
        assertThat(count("4XXError", PROD)).as("no method: the stage's set").isEqualTo(1);
    }

    @Test
    void handle_methodOwnSettingWithoutMetrics_overridesStageWide() {
        MethodSetting quiet = MethodSetting.builder().metricsEnabled(false).build();
        Api api =
                api(
                        "orders-api",
                        s ->
                                s.putMethodSetting("*/*", detailed())
                                        .putMethodSetting("keyed/GET", quiet));

        api.handle(get("/prod/keyed"));

        assertThat(count("Count", PROD)).isEqualTo(1);
        assertThat(registry.find("Count").tags("Resource", "/keyed").counter()).isNull();
    }

    @Test
    void handle_pathNamingNoStage_countedUnderTheApiNameOnly() {
        assertThat(api().handle(get("/staging/orders"))).hasStatus(403);

        Tags apiOnly = stage("orders-api", "");
        assertThat(count("Count", apiOnly)).isEqualTo(1);
        assertThat(count("4XXError", apiOnly)).isEqualTo(1);
        assertThat(registry.find("Count").tags(PROD).counter()).isNull();
    }

    @Test
    void handle_nonAsciiApiName_strippedFromApiName() {
        api("Bestellübersicht ✓", s -> {}).handle(get("/prod/orders"));

        assertThat(count("Count", stage("Bestellbersicht ", "prod"))).isEqualTo(1);
    }

    @Test
    void handle_apiNameWithoutAscii_apiIdIsTheApiName() {
        api("注文", s -> {}).handle(get("/prod/orders"));

        assertThat(count("Count", stage(API_ID, "prod"))).isEqualTo(1);
    }

    @Test
    void handle_redeployedApi_keepsCounting() {
        Api api = api();
        api.handle(get("/prod/orders"));

        Api redeployed = api.toBuilder().deploy("prod").build();
        redeployed.handle(get("/prod/orders"));

        assertThat(count("Count", PROD)).isEqualTo(2);
    }

    @Test
    void handle_noRegistry_answersAsWithOne() {
        Api withMetrics = api();
        Api without =
                Api.builder()
                        .gateway(Gateway.builder().clock(clock).build())
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi("orders-api"))
                        .deploy("prod")
                        .build();

        assertThat(without.gateway().meterRegistry()).isEmpty();
        assertThat(without.handle(get("/prod/orders")).bodyAsString())
                .isEqualTo(withMetrics.handle(get("/prod/orders")).bodyAsString());
        assertThat(count("Count", PROD)).isEqualTo(1);
    }

    @Test
    void handle_prometheusRegistryWithNamespace_scrapesEverySetAndBothErrors() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(ApiGatewayMetrics.namespace());
        Api api =
                Api.builder()
                        .gateway(gateway.toBuilder().meterRegistry(prometheus).build())
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi("orders-api"))
                        .deploy("prod", s -> s.putMethodSetting("orders/GET", detailed()))
                        .build();

        api.handle(get("/prod/orders"));
        api.handle(get("/prod/keyed"));
        api.handle(get("/prod/broken"));
        api.handle(get("/staging/orders"));
        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains(
                        "aws_apigateway_Count_total{ApiName=\"orders-api\",Method=\"GET\","
                                + "Resource=\"/orders\",Stage=\"prod\"} 1.0")
                .contains(
                        "aws_apigateway_Count_total{ApiName=\"orders-api\",Method=\"\","
                                + "Resource=\"\",Stage=\"prod\"} 2.0")
                .contains(
                        "aws_apigateway_Count_total{ApiName=\"orders-api\",Method=\"\","
                                + "Resource=\"\",Stage=\"\"} 1.0")
                .contains(
                        "aws_apigateway_4XXError_total{ApiName=\"orders-api\",Method=\"\","
                                + "Resource=\"\",Stage=\"prod\"} 1.0")
                .contains(
                        "aws_apigateway_5XXError_total{ApiName=\"orders-api\",Method=\"\","
                                + "Resource=\"\",Stage=\"prod\"} 1.0")
                .contains("aws_apigateway_Latency_seconds_count{")
                .contains("aws_apigateway_IntegrationLatency_seconds_sum{");
    }
}
