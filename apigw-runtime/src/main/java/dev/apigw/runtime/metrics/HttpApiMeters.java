package dev.apigw.runtime.metrics;

import dev.apigw.model.HttpStage;
import dev.apigw.runtime.ApiGatewayMetrics;
import dev.apigw.runtime.httpapi.CompiledRoute;
import dev.apigw.runtime.httpapi.HttpResolution;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RequestRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one HTTP API (reference 10.1, HTTP APIs): {@code Count}, {@code Latency}, {@code
 * IntegrationLatency}, {@code 4xx}, {@code 5xx} and {@code DataProcessed}, every meter with the
 * three tags {@code ApiId}, {@code Stage} and {@code Route}, empty for a dimension the request's
 * set does not have (as {@link ApiMeters} does for REST). A request is recorded in the most
 * detailed set it has: {@code ApiId} only when it reached no stage; {@code ApiId, Stage}; {@code
 * ApiId, Stage, Route} when the stage's settings of its route have {@code detailedMetricsEnabled}
 * (the route's {@code routeSettings} entry over {@code defaultRouteSettings}, reference 9.1). The
 * {@code Route} value is the route key ({@code GET /pets/{id}}, {@code $default}). Meters are
 * registered on first use and kept, at most one set per stage and one per detailed route.
 * Thread-safe.
 */
final class HttpApiMeters implements Meters {
    private final MeterRegistry registry;
    private final String apiId;
    private final Map<String, RequestMeters> stages = new ConcurrentHashMap<>();
    private final Map<String, Map<String, RequestMeters>> routes = new ConcurrentHashMap<>();
    private volatile RequestMeters unstaged;

    HttpApiMeters(MeterRegistry registry, String apiId) {
        this.registry = Objects.requireNonNull(registry);
        this.apiId = Dimensions.value(apiId);
    }

    /** Returns the three tags of one dimension set, empty values for the dimensions it lacks. */
    static Tags tags(String apiId, String stage, String route) {
        return Tags.of(
                Tag.of(ApiGatewayMetrics.API_ID, apiId),
                Tag.of(ApiGatewayMetrics.STAGE, stage),
                Tag.of(ApiGatewayMetrics.ROUTE, route));
    }

    @Override
    public void record(
            Exchange resolved, int status, Duration latency, RequestRecord record, long bytes) {
        meters(resolved).record(status, latency, record, bytes);
    }

    private RequestMeters meters(Exchange resolved) {
        HttpResolution resolution = resolved.attribute(HttpResolution.KEY).orElse(null);
        if (resolution == null) {
            RequestMeters meters = unstaged;
            if (meters == null) {
                meters = RequestMeters.registerHttp(registry, tags(apiId, "", ""));
                unstaged = meters;
            }
            return meters;
        }
        HttpStage stage = resolution.stage();
        String routeKey =
                resolved.matchedRoute()
                        .map(r -> r.target())
                        .filter(CompiledRoute.class::isInstance)
                        .map(t -> ((CompiledRoute) t).routeKey())
                        .orElse(null);
        if (routeKey != null && stage.settingsOf(routeKey).detailedMetricsEnabled()) {
            return routes.computeIfAbsent(stage.stageName(), s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(
                            routeKey,
                            r ->
                                    RequestMeters.registerHttp(
                                            registry,
                                            tags(
                                                    apiId,
                                                    Dimensions.value(stage.stageName()),
                                                    Dimensions.value(r))));
        }
        return stages.computeIfAbsent(
                stage.stageName(),
                s -> RequestMeters.registerHttp(registry, tags(apiId, Dimensions.value(s), "")));
    }
}
