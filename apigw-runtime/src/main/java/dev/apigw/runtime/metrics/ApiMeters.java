package dev.apigw.runtime.metrics;

import dev.apigw.runtime.ApiGatewayMetrics;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RequestRecord;
import dev.apigw.runtime.pipeline.Target;
import dev.apigw.runtime.routing.RouteMatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one API (reference 10.1): where a request is recorded, by how far it was resolved.
 *
 * <p>Every meter has the same four tags, {@code ApiName}, {@code Stage}, {@code Method} and {@code
 * Resource}; a dimension the request's set does not have is an empty value, which Prometheus reads
 * as an absent label and Micrometer's CloudWatch registry leaves out. One name with one tag set is
 * what Prometheus requires of a meter name, and it keeps a request at one meter set: the sets AWS
 * publishes besides ({@code ApiName}; {@code ApiName, Stage} of a detailed method) are sums a
 * backend makes by leaving tags out. A request is recorded in the most detailed set it has:
 *
 * <ul>
 *   <li>no stage resolved (refused before stage resolution, or a path naming no stage): {@code
 *       ApiName} only;
 *   <li>a stage: {@code ApiName, Stage}, and {@code Method, Resource} too when its method has
 *       detailed metrics ({@link StageMeters});
 *   <li>a canary request (reference 9.2): as a request of its stage, and once more with the {@code
 *       Stage} value {@code {stage}/Canary}, the canary's own metrics.
 * </ul>
 *
 * <p>Meters are registered on first use and kept: at most one {@code ApiName} set, one stage set
 * per served stage and canary, and one per method with detailed metrics. Thread-safe.
 */
final class ApiMeters implements Meters {
    private final MeterRegistry registry;
    private final String apiName;
    private final Map<String, StageMeters> stages = new ConcurrentHashMap<>();
    private final Map<String, StageMeters> canaries = new ConcurrentHashMap<>();
    private volatile RequestMeters unstaged;

    ApiMeters(MeterRegistry registry, String apiId, String apiName) {
        this.registry = Objects.requireNonNull(registry);
        this.apiName = Dimensions.apiName(apiName, apiId);
    }

    /** Returns the four tags of one dimension set, empty values for the dimensions it lacks. */
    static Tags tags(String apiName, String stage, String method, String resource) {
        return Tags.of(
                Tag.of(ApiGatewayMetrics.API_NAME, apiName),
                Tag.of(ApiGatewayMetrics.STAGE, stage),
                Tag.of(ApiGatewayMetrics.METHOD, method),
                Tag.of(ApiGatewayMetrics.RESOURCE, resource));
    }

    @Override
    public void record(
            Exchange resolved, int status, Duration latency, RequestRecord record, long bytes) {
        DeployedStage stage = resolved.resolution().stage();
        if (stage == null) {
            unstaged().record(status, latency, record, bytes);
            return;
        }
        RouteMatch<? extends Target> route = resolved.resolution().route();
        Target target = route == null ? null : route.target();
        stage(stages, stage, false).of(target).record(status, latency, record, bytes);
        if (stage.canary()) {
            stage(canaries, stage, true).of(target).record(status, latency, record, bytes);
        }
    }

    private StageMeters stage(Map<String, StageMeters> cache, DeployedStage stage, boolean canary) {
        String name = stage.stage().stageName();
        StageMeters meters = cache.get(name);
        if (meters != null) {
            return meters;
        }
        return cache.computeIfAbsent(
                name,
                n ->
                        new StageMeters(
                                registry, apiName, Dimensions.stage(n, canary), stage.stage()));
    }

    /** Returns the {@code ApiName}-only meters; registering them twice in a race is harmless. */
    private RequestMeters unstaged() {
        RequestMeters meters = unstaged;
        if (meters == null) {
            meters = RequestMeters.register(registry, tags(apiName, "", "", ""));
            unstaged = meters;
        }
        return meters;
    }
}
