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
    private final Meters meters;

    private MetricsStep(Meters meters) {
        this.meters = meters;
    }

    /**
     * Returns the step of the API {@code apiId} named {@code apiName}, recording in {@code
     * registry}.
     */
    public static MetricsStep of(MeterRegistry registry, String apiId, String apiName) {
        return new MetricsStep(new ApiMeters(registry, apiId, apiName));
    }

    /**
     * Returns the step of the HTTP API {@code apiId}, recording HTTP API metrics ({@code 4xx},
     * {@code 5xx}, {@code DataProcessed}...) by {@code ApiId}, {@code Stage} and {@code Route}
     * (reference 10.1) in {@code registry}.
     */
    public static MetricsStep http(MeterRegistry registry, String apiId) {
        return new MetricsStep(new HttpApiMeters(registry, apiId));
    }

    @Override
    public Response apply(Exchange exchange, Chain next) {
        Response response;
        try {
            response = next.proceed(exchange);
        } catch (RuntimeException | Error e) {
            record(exchange, 500, 0);
            throw e;
        }
        record(exchange, response.statusCode(), response.bodyLength());
        return response;
    }

    private void record(Exchange exchange, int status, long responseBytes) {
        Duration latency =
                Duration.between(exchange.requestTime(), exchange.gateway().clock().instant());
        Exchange resolved = exchange.record().latest();
        meters.record(
                resolved != null ? resolved : exchange,
                status,
                latency,
                exchange.record(),
                exchange.request().bodyLength() + responseBytes);
    }
}
