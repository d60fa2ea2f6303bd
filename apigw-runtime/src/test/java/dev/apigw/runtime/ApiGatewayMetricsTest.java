package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The namespace filter for registries whose names cannot start with a digit (reference 10.1). */
class ApiGatewayMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    ApiGatewayMetricsTest() {
        registry.config().meterFilter(ApiGatewayMetrics.namespace());
    }

    @Test
    void namespace_gatewayMetrics_prefixed() {
        for (String name : ApiGatewayMetrics.NAMES) {
            Counter.builder(name).tag(ApiGatewayMetrics.API_NAME, "orders").register(registry);
        }

        assertThat(registry.getMeters())
                .extracting(m -> m.getId().getName())
                .containsExactlyInAnyOrder(
                        "aws.apigateway.Count",
                        "aws.apigateway.Latency",
                        "aws.apigateway.IntegrationLatency",
                        "aws.apigateway.4XXError",
                        "aws.apigateway.5XXError",
                        "aws.apigateway.CacheHitCount",
                        "aws.apigateway.CacheMissCount",
                        "aws.apigateway.4xx",
                        "aws.apigateway.5xx",
                        "aws.apigateway.DataProcessed",
                        "aws.apigateway.ConnectCount",
                        "aws.apigateway.MessageCount",
                        "aws.apigateway.IntegrationError",
                        "aws.apigateway.ClientError",
                        "aws.apigateway.ExecutionError");
    }

    @Test
    void namespace_httpApiMetricsTaggedByApiId_prefixed() {
        Counter.builder("4xx").tag(ApiGatewayMetrics.API_ID, "a1b2c3").register(registry);
        Counter.builder("5xx").tag(ApiGatewayMetrics.API_ID, "a1b2c3").register(registry);

        assertThat(registry.getMeters())
                .extracting(m -> m.getId().getName())
                .containsExactlyInAnyOrder("aws.apigateway.4xx", "aws.apigateway.5xx");
    }

    @Test
    void namespace_otherMeters_unchanged() {
        Counter.builder("Count").tag("service", "billing").register(registry);
        Counter.builder("jobs").tag(ApiGatewayMetrics.API_NAME, "orders").register(registry);

        assertThat(registry.getMeters())
                .extracting(m -> m.getId().getName())
                .containsExactlyInAnyOrder("Count", "jobs");
    }
}
