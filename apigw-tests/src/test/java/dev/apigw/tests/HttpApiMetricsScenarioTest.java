package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.HttpApi;
import dev.apigw.model.RestApi;
import dev.apigw.model.RouteSettings;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.ApiGatewayMetrics;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch metrics of HTTP APIs (reference 10.1, HTTP APIs) through {@link Api#handle}:
 * {@code Count}, {@code Latency}, {@code IntegrationLatency}, {@code 4xx}, {@code 5xx} and {@code
 * DataProcessed}, tagged {@code ApiId}, {@code Stage} and {@code Route} (empty where the request's
 * dimension set lacks one); per route only with {@code detailedMetricsEnabled}. The routes have no
 * integration, so a routed request answers 404.
 */
class HttpApiMetricsScenarioTest {
    private static final String API_ID = "httpapi01";

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-05-06T07:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Api api(MeterRegistry meters, Consumer<HttpApi.Builder> more) {
        HttpApi.Builder b =
                HttpApi.builder("pets http")
                        .id(API_ID)
                        .route("GET /pets", r -> {})
                        .route("POST /pets", r -> {});
        more.accept(b);
        return Api.builder()
                .gateway(Gateway.builder().clock(clock).meterRegistry(meters).build())
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .httpApi(b.build())
                .build();
    }

    private static Tags tags(String stage, String route) {
        return Tags.of("ApiId", API_ID, "Stage", stage, "Route", route);
    }

    private double count(String name, Tags tags) {
        Meter meter = registry.find(name).tags(tags).meter();
        assertThat(meter).as("meter %s %s", name, tags).isNotNull();
        return meter.measure().iterator().next().getValue();
    }

    @Test
    void handle_requestsOfAStage_countedByApiIdAndStage() {
        Api api = api(registry, b -> b.stage("prod", s -> {}));

        api.handle(Request.get("/prod/pets"));
        api.handle(Request.post("/prod/pets", "{\"name\":\"rex\"}"));

        Tags prod = tags("prod", "");
        assertThat(count(ApiGatewayMetrics.COUNT, prod)).isEqualTo(2);
        assertThat(count(ApiGatewayMetrics.HTTP_CLIENT_ERROR, prod)).isEqualTo(2);
        assertThat(count(ApiGatewayMetrics.HTTP_SERVER_ERROR, prod)).isZero();
        assertThat(count(ApiGatewayMetrics.DATA_PROCESSED, prod))
                .as("two bodies of 23 bytes and one request body of 14")
                .isEqualTo(23 + 23 + 14);
        assertThat(registry.find(ApiGatewayMetrics.LATENCY).tags(prod).timer().count())
                .isEqualTo(2);
        assertThat(registry.find(ApiGatewayMetrics.CLIENT_ERROR).meters())
                .as("REST's 4XXError")
                .isEmpty();
        assertThat(registry.find(ApiGatewayMetrics.CACHE_HIT_COUNT).meters()).isEmpty();
    }

    @Test
    void handle_requestReachingNoStage_countedByApiIdOnly() {
        api(registry, b -> b.stage("prod", s -> {})).handle(Request.get("/dev/pets"));

        assertThat(count(ApiGatewayMetrics.COUNT, tags("", ""))).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.HTTP_CLIENT_ERROR, tags("", ""))).isEqualTo(1);
    }

    @Test
    void handle_detailedMetricsOfARoute_countedByRoute() {
        Api api =
                api(
                        registry,
                        b ->
                                b.stage(
                                        "$default",
                                        s ->
                                                s.routeSettings(
                                                        "GET /pets",
                                                        new RouteSettings(true, null, null))));

        api.handle(Request.get("/pets"));
        api.handle(Request.post("/pets", "{}"));

        assertThat(count(ApiGatewayMetrics.COUNT, tags("$default", "GET /pets"))).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.COUNT, tags("$default", ""))).isEqualTo(1);
        assertThat(registry.find(ApiGatewayMetrics.COUNT).tag("Route", "POST /pets").meters())
                .isEmpty();
    }

    @Test
    void handle_detailedMetricsByDefault_countedForEveryRoute() {
        Api api =
                api(
                        registry,
                        b ->
                                b.stage(
                                        "prod",
                                        s ->
                                                s.defaultRouteSettings(
                                                        new RouteSettings(true, null, null))));

        api.handle(Request.get("/prod/pets"));
        api.handle(Request.post("/prod/pets", "{}"));

        assertThat(count(ApiGatewayMetrics.COUNT, tags("prod", "GET /pets"))).isEqualTo(1);
        assertThat(count(ApiGatewayMetrics.COUNT, tags("prod", "POST /pets"))).isEqualTo(1);
    }

    @Test
    void handle_noRegistry_recordsNothingAndServes() {
        Api api =
                Api.builder()
                        .httpApi(
                                HttpApi.builder("plain")
                                        .route("GET /pets", r -> {})
                                        .stage("$default", s -> {})
                                        .build())
                        .build();

        assertThat(api.handle(Request.get("/pets")).statusCode()).isEqualTo(404);
    }

    @Test
    void scrape_restAndHttpApiInOnePrometheusRegistry_exposeBothKindsOfMetrics() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(ApiGatewayMetrics.namespace());
        Api http = api(prometheus, b -> b.stage("prod", s -> {}));
        Api rest =
                Api.builder()
                        .gateway(Gateway.builder().clock(clock).meterRegistry(prometheus).build())
                        .restApi(RestApi.builder().name("rest").build())
                        .deploy("prod")
                        .build();

        http.handle(Request.get("/prod/pets"));
        rest.handle(Request.get("/prod/pets"));
        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains(
                        "aws_apigateway_4xx_total{ApiId=\""
                                + API_ID
                                + "\",Route=\"\",Stage=\"prod\"} 1.0")
                .contains("aws_apigateway_DataProcessed")
                .contains("aws_apigateway_4XXError_total{ApiName=\"rest\"");
        assertThat(scrape).containsPattern("aws_apigateway_Count_total\\{ApiId=\"" + API_ID);
        assertThat(scrape).containsPattern("aws_apigateway_Count_total\\{ApiName=\"rest\"");
    }
}
