package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The metrics printed when the server stops: one line per meter (reference 10.1). */
class MetricsSummaryTest {
    @Test
    void lines_counterAndTimer_oneLineEachSortedByName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.counter("Count", "ApiName", "orders", "Stage", "dev").increment(2);
        registry.timer("Latency", "ApiName", "orders", "Stage", "dev").record(Duration.ofMillis(4));
        registry.timer("Latency", "ApiName", "orders", "Stage", "dev").record(Duration.ofMillis(6));
        registry.counter("4XXError", "ApiName", "orders", "Stage", "dev");

        assertThat(MetricsSummary.lines(registry))
                .containsExactly(
                        "metric 4XXError{ApiName=orders,Stage=dev} count=0",
                        "metric Count{ApiName=orders,Stage=dev} count=2",
                        "metric Latency{ApiName=orders,Stage=dev} count=2 mean=5.000ms"
                                + " max=6.000ms");
    }

    @Test
    void lines_noMeters_none() {
        assertThat(MetricsSummary.lines(new SimpleMeterRegistry())).isEmpty();
    }

    @Test
    void lines_gaugeWithoutDimensions_showsItsValue() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Gauge.builder("queue", () -> 2.5).register(registry);

        assertThat(MetricsSummary.lines(registry)).containsExactly("metric queue value=2.500");
    }

    @Test
    void metricsRegistry_clientAndServerErrors_bothScrapedAndSummarizedWithAwsNames() {
        PrometheusMeterRegistry registry = LocalServerMain.metricsRegistry();
        registry.counter("4XXError", "ApiName", "orders", "Stage", "dev").increment();
        registry.counter("5XXError", "ApiName", "orders", "Stage", "dev").increment(2);

        assertThat(registry.scrape())
                .contains("aws_apigateway_4XXError_total{ApiName=\"orders\",Stage=\"dev\"} 1.0")
                .contains("aws_apigateway_5XXError_total{ApiName=\"orders\",Stage=\"dev\"} 2.0");
        assertThat(MetricsSummary.lines(registry))
                .containsExactly(
                        "metric 4XXError{ApiName=orders,Stage=dev} count=1",
                        "metric 5XXError{ApiName=orders,Stage=dev} count=2");
    }
}
