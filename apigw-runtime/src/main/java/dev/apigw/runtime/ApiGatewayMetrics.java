package dev.apigw.runtime;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;

/**
 * The names of the metrics every {@link Api} records on its {@link Gateway}'s meter registry, as
 * API Gateway publishes them to CloudWatch (reference 10.1), and the filter a Prometheus registry
 * needs for them. The meters are Micrometer counters and timers named as the CloudWatch metrics of
 * the {@code AWS/ApiGateway} namespace, each tagged with the four dimension names of REST APIs
 * ({@code ApiName}, {@code Stage}, {@code Method}, {@code Resource}) or the three of HTTP APIs
 * ({@code ApiId}, {@code Stage}, {@code Route}), which WebSocket APIs share; a dimension a
 * request's dimension set does not have is an empty tag value (README, "Metrics").
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * registry.config().meterFilter(ApiGatewayMetrics.namespace());
 * Gateway account = Gateway.builder().meterRegistry(registry).build();
 * }</pre>
 */
public final class ApiGatewayMetrics {
    /** The total number of requests (a counter). */
    public static final String COUNT = "Count";

    /** From when a request is received to when its response is returned (a timer). */
    public static final String LATENCY = "Latency";

    /** From when the integration is called to when it answers or fails (a timer). */
    public static final String INTEGRATION_LATENCY = "IntegrationLatency";

    /** Requests answered 4xx (a counter). */
    public static final String CLIENT_ERROR = "4XXError";

    /** Requests answered 5xx (a counter). */
    public static final String SERVER_ERROR = "5XXError";

    /** Requests served from the stage cache (a counter). */
    public static final String CACHE_HIT_COUNT = "CacheHitCount";

    /** Requests served from the backend while the method's caching is on (a counter). */
    public static final String CACHE_MISS_COUNT = "CacheMissCount";

    /** HTTP API requests answered 4xx (a counter, reference 10.1). */
    public static final String HTTP_CLIENT_ERROR = "4xx";

    /** HTTP API requests answered 5xx (a counter, reference 10.1). */
    public static final String HTTP_SERVER_ERROR = "5xx";

    /** The bytes of HTTP API requests' and responses' bodies (a counter, reference 10.1). */
    public static final String DATA_PROCESSED = "DataProcessed";

    /** WebSocket {@code $connect} attempts (a counter, reference 10.1). */
    public static final String CONNECT_COUNT = "ConnectCount";

    /** WebSocket messages from clients and to clients (a counter, reference 10.1). */
    public static final String MESSAGE_COUNT = "MessageCount";

    /** WebSocket calls whose integration answered 4xx or 5xx (a counter, reference 10.1). */
    public static final String INTEGRATION_ERROR = "IntegrationError";

    /**
     * WebSocket events API Gateway answered 4xx before calling the integration (a counter,
     * reference 10.1).
     */
    public static final String WEBSOCKET_CLIENT_ERROR = "ClientError";

    /** WebSocket calls of an integration that failed (a counter, reference 10.1). */
    public static final String EXECUTION_ERROR = "ExecutionError";

    /** Every metric name, in the order of this class. */
    public static final List<String> NAMES =
            List.of(
                    COUNT,
                    LATENCY,
                    INTEGRATION_LATENCY,
                    CLIENT_ERROR,
                    SERVER_ERROR,
                    CACHE_HIT_COUNT,
                    CACHE_MISS_COUNT,
                    HTTP_CLIENT_ERROR,
                    HTTP_SERVER_ERROR,
                    DATA_PROCESSED,
                    CONNECT_COUNT,
                    MESSAGE_COUNT,
                    INTEGRATION_ERROR,
                    WEBSOCKET_CLIENT_ERROR,
                    EXECUTION_ERROR);

    /** The tag of the API's name (non-ASCII characters stripped; the API id if none is left). */
    public static final String API_NAME = "ApiName";

    /** The tag of the stage name ({@code prod/Canary} for a canary's requests). */
    public static final String STAGE = "Stage";

    /** The tag of the HTTP method, with detailed metrics. */
    public static final String METHOD = "Method";

    /** The tag of the resource path ({@code /pets/{petId}}), with detailed metrics. */
    public static final String RESOURCE = "Resource";

    /** The tag of an HTTP or WebSocket API's id (HTTP and WebSocket API metrics). */
    public static final String API_ID = "ApiId";

    /**
     * The tag of an HTTP or WebSocket API's route key ({@code GET /pets}, {@code sendmessage}),
     * with detailed metrics.
     */
    public static final String ROUTE = "Route";

    /** What {@link #namespace()} puts before each name. */
    public static final String NAMESPACE_PREFIX = "aws.apigateway.";

    private ApiGatewayMetrics() {}

    /**
     * Returns a filter that renames these metrics {@code aws.apigateway.Count}, {@code
     * aws.apigateway.4XXError}..., for a registry whose names cannot start with a digit. Prometheus
     * replaces the leading digit of {@code 4XXError} and {@code 5XXError}, so both become {@code
     * _XXError} and the second is refused (Micrometer logs a warning and drops it); with the filter
     * they are {@code aws_apigateway_4XXError_total} and {@code aws_apigateway_5XXError_total}.
     * Configure it on the registry before any meter is registered. It renames only meters of these
     * names that carry the {@link #API_NAME} tag (REST APIs) or the {@link #API_ID} tag (HTTP and
     * WebSocket APIs; HTTP APIs' {@code 4xx} and {@code 5xx} have the same problem).
     */
    public static MeterFilter namespace() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                boolean ours = id.getTag(API_NAME) != null || id.getTag(API_ID) != null;
                if (!ours || !NAMES.contains(id.getName())) {
                    return id;
                }
                return id.withName(NAMESPACE_PREFIX + id.getName());
            }
        };
    }
}
