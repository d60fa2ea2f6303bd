package dev.apigw.runtime.metrics;

import dev.apigw.runtime.ApiGatewayMetrics;
import dev.apigw.runtime.pipeline.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;

/**
 * The seven meters of one dimension set (reference 10.1), registered once: recording a request only
 * increments counters and records timers. {@code Latency} and {@code IntegrationLatency} are
 * Micrometer timers, which a backend exports in its own time unit (CloudWatch: milliseconds,
 * Prometheus: seconds). Thread-safe.
 */
final class RequestMeters {
    private final Counter count;
    private final Timer latency;
    private final Timer integrationLatency;
    private final Counter clientErrors;
    private final Counter serverErrors;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    private RequestMeters(MeterRegistry registry, Tags tags) {
        count =
                counter(
                        registry,
                        ApiGatewayMetrics.COUNT,
                        tags,
                        "The total number of API requests");
        latency =
                Timer.builder(ApiGatewayMetrics.LATENCY)
                        .tags(tags)
                        .description(
                                "From when API Gateway receives a request to when it returns the"
                                        + " response; includes the integration latency")
                        .register(registry);
        integrationLatency =
                Timer.builder(ApiGatewayMetrics.INTEGRATION_LATENCY)
                        .tags(tags)
                        .description(
                                "From when API Gateway relays a request to the backend to when it"
                                        + " receives the backend's response")
                        .register(registry);
        clientErrors =
                counter(
                        registry,
                        ApiGatewayMetrics.CLIENT_ERROR,
                        tags,
                        "The number of client-side errors");
        serverErrors =
                counter(
                        registry,
                        ApiGatewayMetrics.SERVER_ERROR,
                        tags,
                        "The number of server-side errors");
        cacheHits =
                counter(
                        registry,
                        ApiGatewayMetrics.CACHE_HIT_COUNT,
                        tags,
                        "Requests served from the API cache");
        cacheMisses =
                counter(
                        registry,
                        ApiGatewayMetrics.CACHE_MISS_COUNT,
                        tags,
                        "Requests served from the backend while API caching is enabled");
    }

    /** Registers (or finds, if registered before) the meters of one dimension set. */
    static RequestMeters register(MeterRegistry registry, Tags tags) {
        return new RequestMeters(registry, tags);
    }

    private static Counter counter(
            MeterRegistry registry, String name, Tags tags, String description) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    /**
     * Records one request answered {@code status} after {@code latency}, with what its record
     * holds: the integration's latency if one was called, the stage cache's hit or miss.
     */
    void record(int status, Duration latency, RequestRecord record) {
        count.increment();
        this.latency.record(latency);
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        RequestRecord.CacheStatus cache = record.cacheStatus();
        if (cache == RequestRecord.CacheStatus.HIT) {
            cacheHits.increment();
        } else if (cache == RequestRecord.CacheStatus.MISS) {
            cacheMisses.increment();
        }
        Optional<Duration> integration = record.integrationLatency();
        if (integration.isPresent()) {
            integrationLatency.record(integration.get());
        }
    }
}
