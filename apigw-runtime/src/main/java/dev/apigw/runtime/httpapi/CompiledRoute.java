package dev.apigw.runtime.httpapi;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Route;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.Attributes;
import dev.apigw.runtime.pipeline.Target;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP API route compiled for serving: its integration and what each feature compiled for it
 * (its authorizer, its throttle buckets). The route key is its settings key: HTTP API stages key
 * {@code routeSettings} by route key (reference 9.1). Immutable.
 *
 * @param route the route's definition
 * @param integration the compiled integration, empty for a route without one
 * @param features what each feature compiled for this route, by key
 */
public record CompiledRoute(
        Route route, Optional<RouteIntegration> integration, Attributes features)
        implements Target {
    /** Checks the parts. */
    public CompiledRoute {
        Objects.requireNonNull(route);
        Objects.requireNonNull(integration);
        Objects.requireNonNull(features);
    }

    /** Returns the route key as AWS writes it ({@code $context.routeKey}). */
    public String routeKey() {
        return route.routeKey().toString();
    }

    /** Returns what a feature compiled for this route; reading one never compiled is a bug. */
    public <T> T feature(AttributeKey<T> key) {
        return features.get(key)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        place() + " has no compiled " + key.name()));
    }

    /** Returns this route with {@code value} compiled under {@code key}. */
    public <T> CompiledRoute with(AttributeKey<T> key, T value) {
        return new CompiledRoute(route, integration, features.with(key, value));
    }

    @Override
    public String settingsKey() {
        return routeKey();
    }

    @Override
    public AuthorizationType authorizationType() {
        return route.authorizationType();
    }

    /** HTTP APIs have no API keys (reference 11.1). */
    @Override
    public boolean apiKeyRequired() {
        return false;
    }

    @Override
    public String place() {
        return routeKey();
    }
}
