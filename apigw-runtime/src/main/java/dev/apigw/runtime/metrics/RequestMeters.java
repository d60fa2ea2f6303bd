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
 * The meters of one dimension set (reference 10.1), registered once: recording a request only
 * increments counters and records timers. A REST API's set has seven: {@code Count}, {@code
 * Latency}, {@code IntegrationLatency}, {@code 4XXError}, {@code 5XXError}, {@code CacheHitCount}
 * and {@code CacheMissCount}; an HTTP API's six: {@code Count}, {@code Latency}, {@code
 * IntegrationLatency}, {@code 4xx}, {@code 5xx} and {@code DataProcessed} (bytes). {@code Latency}
 * and {@code IntegrationLatency} are Micrometer timers, which a backend exports in its own time
 * unit (CloudWatch: milliseconds, Prometheus: seconds). Thread-safe.
 */
final class RequestMeters {
    private final Counter count;
    private final Timer latency;
    private final Timer integrationLatency;
    private final Counter clientErrors;
    private final Counter serverErrors;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter dataProcessed;

    private RequestMeters(MeterRegistry registry, Tags tags, boolean httpApi) {
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
                        httpApi
                                ? ApiGatewayMetrics.HTTP_CLIENT_ERROR
                                : ApiGatewayMetrics.CLIENT_ERROR,
                        tags,
                        "The number of client-side errors");
        serverErrors =
                counter(
                        registry,
                        httpApi
                                ? ApiGatewayMetrics.HTTP_SERVER_ERROR
                                : ApiGatewayMetrics.SERVER_ERROR,
                        tags,
                        "The number of server-side errors");
        if (httpApi) {
            cacheHits = null;
            cacheMisses = null;
            dataProcessed =
                    Counter.builder(ApiGatewayMetrics.DATA_PROCESSED)
                            .tags(tags)
                            .baseUnit("bytes")
                            .description("The amount of data processed")
                            .register(registry);
            return;
        }
        dataProcessed = null;
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

    /** Registers (or finds, if registered before) the meters of one REST dimension set. */
    static RequestMeters register(MeterRegistry registry, Tags tags) {
        return new RequestMeters(registry, tags, false);
    }

    /** Registers (or finds, if registered before) the meters of one HTTP API dimension set. */
    static RequestMeters registerHttp(MeterRegistry registry, Tags tags) {
        return new RequestMeters(registry, tags, true);
    }

    private static Counter counter(
            MeterRegistry registry, String name, Tags tags, String description) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    /**
     * Records one request answered {@code status} after {@code latency}, with what its record
     * holds: the integration's latency if one was called, the stage cache's hit or miss (REST), the
     * {@code bytes} of its request and response bodies (HTTP APIs' {@code DataProcessed}).
     */
    void record(int status, Duration latency, RequestRecord record, long bytes) {
        count.increment();
        if (dataProcessed != null) {
            dataProcessed.increment(bytes);
        }
        this.latency.record(latency);
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        RequestRecord.CacheStatus cache = record.cacheStatus();
        if (cacheHits == null) {
            recordIntegration(record);
            return;
        }
        if (cache == RequestRecord.CacheStatus.HIT) {
            cacheHits.increment();
        } else if (cache == RequestRecord.CacheStatus.MISS) {
            cacheMisses.increment();
        }
        recordIntegration(record);
    }

    private void recordIntegration(RequestRecord record) {
        Optional<Duration> integration = record.integrationLatency();
        if (integration.isPresent()) {
            integrationLatency.record(integration.get());
        }
    }
}
