package dev.apigw.runtime.metrics;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * Records every request in API Gateway's CloudWatch metrics (reference 10.1) as Micrometer meters:
 * {@code Count}; {@code Latency}, from when the request was received to when its response is
 * returned, by the account's clock; {@code IntegrationLatency} when an integration was called;
 * {@code 4XXError} or {@code 5XXError} by the status returned; {@code CacheHitCount} or {@code
 * CacheMissCount} by what the stage cache did. The outermost step, so that it sees the status the
 * client gets, gateway responses included; a failure that escapes the pipeline (a bug, which the
 * API answers 500) counts as a {@code 5XXError}. Which meters a request goes to is {@link
 * ApiMeters}' choice. Only in the pipeline of an API whose account has a registry.
 */
public final class MetricsStep implements Step {
    private final ApiMeters meters;

    private MetricsStep(ApiMeters meters) {
        this.meters = meters;
    }

    /**
     * Returns the step of the API {@code apiId} named {@code apiName}, recording in {@code
     * registry}.
     */
    public static MetricsStep of(MeterRegistry registry, String apiId, String apiName) {
        return new MetricsStep(new ApiMeters(registry, apiId, apiName));
    }

    @Override
    public Response apply(Exchange exchange, Chain next) {
        Response response;
        try {
            response = next.proceed(exchange);
        } catch (RuntimeException | Error e) {
            record(exchange, 500);
            throw e;
        }
        record(exchange, response.statusCode());
        return response;
    }

    private void record(Exchange exchange, int status) {
        Duration latency =
                Duration.between(exchange.requestTime(), exchange.gateway().clock().instant());
        Exchange resolved = exchange.record().latest();
        meters.record(resolved != null ? resolved : exchange, status, latency, exchange.record());
    }
}
