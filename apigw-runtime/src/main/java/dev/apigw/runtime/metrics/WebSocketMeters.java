package dev.apigw.runtime.metrics;

import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.ApiGatewayMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one stage of a WebSocket API (reference 10.1, WebSocket APIs): {@code
 * ConnectCount}, {@code MessageCount}, {@code IntegrationError}, {@code ClientError}, {@code
 * ExecutionError} and {@code IntegrationLatency}, each with the three tags of HTTP APIs ({@code
 * ApiId}, {@code Stage}, {@code Route}, as {@code HttpApiMeters}). An event is recorded in the
 * stage's set, {@code Route} empty, or in its route's set when the stage's settings of that route
 * have {@code detailedMetricsEnabled} (the route's {@code routeSettings} entry over {@code
 * defaultRouteSettings}, reference 9.1); what has no route (a message no route matched, an
 * {@code @connections} post) goes to the stage's set. Meters are registered on first use and kept,
 * at most one set per detailed route. Thread-safe.
 */
public final class WebSocketMeters {
    private final MeterRegistry registry;
    private final String apiId;
    private final WebSocketStage stage;
    private final RouteMeters stageMeters;
    private final Map<String, RouteMeters> routes = new ConcurrentHashMap<>();

    private WebSocketMeters(MeterRegistry registry, String apiId, WebSocketStage stage) {
        this.registry = Objects.requireNonNull(registry);
        this.apiId = Dimensions.value(apiId);
        this.stage = Objects.requireNonNull(stage);
        this.stageMeters =
                new RouteMeters(
                        registry,
                        HttpApiMeters.tags(this.apiId, Dimensions.value(stage.stageName()), ""));
    }

    /**
     * Returns the meters of the WebSocket API {@code apiId}'s {@code stage} in {@code registry}.
     */
    public static WebSocketMeters of(MeterRegistry registry, String apiId, WebSocketStage stage) {
        return new WebSocketMeters(registry, apiId, stage);
    }

    /** Counts a {@code $connect} attempt ({@code ConnectCount}). */
    public void connect(String routeKey) {
        of(routeKey).connects.increment();
    }

    /**
     * Counts a message from or to a client ({@code MessageCount}); {@code routeKey} may be null.
     */
    public void message(String routeKey) {
        of(routeKey).messages.increment();
    }

    /** Counts a 4xx API Gateway answered before the integration ({@code ClientError}). */
    public void clientError(String routeKey) {
        of(routeKey).clientErrors.increment();
    }

    /** Counts an integration that answered 4xx or 5xx ({@code IntegrationError}). */
    public void integrationError(String routeKey) {
        of(routeKey).integrationErrors.increment();
    }

    /** Counts an integration call that failed ({@code ExecutionError}). */
    public void executionError(String routeKey) {
        of(routeKey).executionErrors.increment();
    }

    /** Records the time an integration took to answer or fail ({@code IntegrationLatency}). */
    public void integrationLatency(String routeKey, Duration latency) {
        of(routeKey).integrationLatency.record(latency);
    }

    private RouteMeters of(String routeKey) {
        if (routeKey == null || !stage.settingsOf(routeKey).detailedMetricsEnabled()) {
            return stageMeters;
        }
        RouteMeters meters = routes.get(routeKey);
        if (meters != null) {
            return meters;
        }
        return routes.computeIfAbsent(
                routeKey,
                r ->
                        new RouteMeters(
                                registry,
                                HttpApiMeters.tags(
                                        apiId,
                                        Dimensions.value(stage.stageName()),
                                        Dimensions.value(r))));
    }

    /** The six meters of one dimension set. */
    private static final class RouteMeters {
        private final Counter connects;
        private final Counter messages;
        private final Counter integrationErrors;
        private final Counter clientErrors;
        private final Counter executionErrors;
        private final Timer integrationLatency;

        RouteMeters(MeterRegistry registry, Tags tags) {
            connects =
                    counter(
                            registry,
                            ApiGatewayMetrics.CONNECT_COUNT,
                            tags,
                            "The number of messages sent to the $connect route integration");
            messages =
                    counter(
                            registry,
                            ApiGatewayMetrics.MESSAGE_COUNT,
                            tags,
                            "The number of messages sent to the WebSocket API, from or to the"
                                    + " client");
            integrationErrors =
                    counter(
                            registry,
                            ApiGatewayMetrics.INTEGRATION_ERROR,
                            tags,
                            "The number of requests that return a 4XX/5XX response from the"
                                    + " integration");
            clientErrors =
                    counter(
                            registry,
                            ApiGatewayMetrics.WEBSOCKET_CLIENT_ERROR,
                            tags,
                            "The number of requests that have a 4XX response returned by API"
                                    + " Gateway before the integration is invoked");
            executionErrors =
                    counter(
                            registry,
                            ApiGatewayMetrics.EXECUTION_ERROR,
                            tags,
                            "Errors that occurred when calling the integration");
            integrationLatency =
                    Timer.builder(ApiGatewayMetrics.INTEGRATION_LATENCY)
                            .tags(tags)
                            .description(
                                    "From when API Gateway relays a request to the backend to"
                                            + " when it receives the backend's response")
                            .register(registry);
        }

        private static Counter counter(
                MeterRegistry registry, String name, Tags tags, String description) {
            return Counter.builder(name).tags(tags).description(description).register(registry);
        }
    }
}
