package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.routing.RouteMatch;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request goes: the stage and the deployment it serves, the path after the stage, and the
 * matched target. Each part is absent until the step that resolves it ran (stage resolution, then
 * routing); {@link #NONE} is the resolution of a request that just arrived.
 *
 * @param stage the resolved stage and its deployment, or null before stage resolution
 * @param resourcePath the raw path after the stage ({@code /pets/1}), or null before stage
 *     resolution
 * @param route the matched target and path parameters, or null before routing
 */
public record Resolution(
        DeployedStage stage, String resourcePath, RouteMatch<? extends Target> route) {
    /** The resolution of a request no step has resolved yet. */
    public static final Resolution NONE = new Resolution(null, null, null);

    /** Returns a copy with the stage and the path after it. */
    public Resolution withStage(DeployedStage stage, String resourcePath) {
        return new Resolution(
                Objects.requireNonNull(stage), Objects.requireNonNull(resourcePath), route);
    }

    /** Returns a copy with the matched route. */
    public Resolution withRoute(RouteMatch<? extends Target> route) {
        return new Resolution(stage, resourcePath, Objects.requireNonNull(route));
    }

    /** Returns the stage, if resolved. */
    public Optional<DeployedStage> resolvedStage() {
        return Optional.ofNullable(stage);
    }

    /** Returns the route, if matched. */
    public Optional<RouteMatch<? extends Target>> matchedRoute() {
        return Optional.ofNullable(route);
    }
}
