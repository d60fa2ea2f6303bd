package dev.apigw.runtime.httpapi;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.auth.AuthorizerCaches;
import dev.apigw.runtime.auth.HttpAuthorizers;
import dev.apigw.runtime.auth.RouteAuthorizer;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.Attributes;
import dev.apigw.runtime.routing.RouteMatch;
import dev.apigw.runtime.routing.RouteMatcher;
import dev.apigw.runtime.throttle.MethodThrottle;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP API compiled for serving: the route table (reference 7.2) with each route's integration
 * and features compiled once, and the stages. Every stage serves the API as given (see
 * docs/differences.md). Immutable and thread-safe.
 */
public final class CompiledHttpApi {
    /** Where the serving state keeps the compiled API. */
    public static final AttributeKey<CompiledHttpApi> KEY = AttributeKey.of("httpApi");

    private final HttpApi api;
    private final RouteMatcher<CompiledRoute> routes;
    private final CompiledRoute defaultRoute;

    private CompiledHttpApi(
            HttpApi api, RouteMatcher<CompiledRoute> routes, CompiledRoute defaultRoute) {
        this.api = api;
        this.routes = routes;
        this.defaultRoute = defaultRoute;
    }

    /**
     * Compiles {@code api} for an account: every integration once, every route with the features it
     * needs; fails naming the place of anything that cannot be served.
     */
    public static CompiledHttpApi compile(HttpApi api, Gateway gateway) {
        Objects.requireNonNull(api);
        Map<String, RouteIntegration> integrations = new HashMap<>();
        api.integrations()
                .forEach((id, i) -> integrations.put(id, RouteIntegrations.compile(i, gateway)));
        HttpAuthorizers authorizers =
                HttpAuthorizers.compile(
                        api,
                        gateway.authorizerResultStore()
                                .map(store -> AuthorizerCaches.shared(store, api.id()))
                                .orElseGet(AuthorizerCaches::create));
        RouteMatcher.Builder<CompiledRoute> table = RouteMatcher.builder();
        CompiledRoute defaultRoute = null;
        for (Route route : api.routes().values()) {
            CompiledRoute compiled =
                    new CompiledRoute(
                            route,
                            route.integrationId().map(integrations::get),
                            Attributes.empty());
            compiled = compiled.with(RouteAuthorizer.KEY, authorizers.forRoute(route));
            compiled =
                    compiled.with(
                                    MethodThrottle.KEY,
                                    MethodThrottle.route(api.id(), route.routeKey().toString()))
                            .with(
                                    ParameterMappings.KEY,
                                    ParameterMappings.of(route, api.integrations()));
            RouteKey key = route.routeKey();
            if (key.isDefault()) {
                defaultRoute = compiled;
            } else {
                try {
                    table.add(key.path(), key.method(), compiled);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
                }
            }
        }
        return new CompiledHttpApi(api, table.build(), defaultRoute);
    }

    /** Returns the definition. */
    public HttpApi api() {
        return api;
    }

    /** Returns the stage named {@code name}, if any. */
    public Optional<HttpStage> stage(String name) {
        return Optional.ofNullable(api.stages().get(name));
    }

    /**
     * Returns the route of a request (reference 7.2): a full match of method and path, then a match
     * through a greedy variable, then {@code $default}; {@code ANY} serves the methods a path has
     * no route of its own for.
     */
    public Optional<RouteMatch<CompiledRoute>> route(String httpMethod, String path) {
        Optional<RouteMatch<CompiledRoute>> match = routes.matchFullBeforeGreedy(httpMethod, path);
        if (match.isPresent() || defaultRoute == null) {
            return match;
        }
        return Optional.of(new RouteMatch<>(defaultRoute, Map.of()));
    }
}
