package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An HTTP API (apigatewayv2, {@code protocolType HTTP}): routes, the integrations and authorizers
 * they use, the CORS configuration and the stages (reference sections 2.3 to 2.5, 5.5, 7.2, 8.5,
 * 8.6, 9.1, 11). The route selection expression is fixed to {@code ${request.method}
 * ${request.path}} (reference 7.2). Immutable; {@link #toBuilder()} gives a changed copy.
 *
 * @param id the API id ({@code $context.apiId}); by default derived from the name
 * @param name the API name
 * @param description a description
 * @param version the API's version label
 * @param corsConfiguration the CORS configuration, if API Gateway answers CORS itself
 * @param routes the routes by route key, in definition order
 * @param integrations the integrations by id
 * @param authorizers the authorizers by id
 * @param stages the stages by name
 * @param disableExecuteApiEndpoint whether the default endpoint is off, descriptive here
 * @param tags the API's tags
 */
public record HttpApi(
        String id,
        String name,
        Optional<String> description,
        Optional<String> version,
        Optional<CorsConfiguration> corsConfiguration,
        Map<String, Route> routes,
        Map<String, HttpIntegration> integrations,
        Map<String, HttpAuthorizer> authorizers,
        Map<String, HttpStage> stages,
        boolean disableExecuteApiEndpoint,
        Map<String, String> tags) {
    /** Validates and copies; fails naming the place of a broken reference. */
    public HttpApi {
        Checks.requireText(id, "api id");
        Checks.requireText(name, "api name");
        Objects.requireNonNull(description);
        Objects.requireNonNull(version);
        Objects.requireNonNull(corsConfiguration);
        routes = Copies.orderedMap(routes);
        integrations = Copies.orderedMap(integrations);
        authorizers = Copies.orderedMap(authorizers);
        stages = Copies.orderedMap(stages);
        tags = Copies.orderedMap(tags);
        for (Map.Entry<String, Route> route : routes.entrySet()) {
            checkRoute(route.getKey(), route.getValue(), integrations, authorizers);
        }
        for (HttpStage stage : stages.values()) {
            for (String key : stage.routeSettings().keySet()) {
                if (!routes.containsKey(key)) {
                    throw new IllegalArgumentException(
                            "stage "
                                    + stage.stageName()
                                    + ": Unable to find Route by key "
                                    + key
                                    + " within the provided RouteSettings");
                }
            }
        }
    }

    private static void checkRoute(
            String key,
            Route route,
            Map<String, HttpIntegration> integrations,
            Map<String, HttpAuthorizer> authorizers) {
        if (!key.equals(route.routeKey().toString())) {
            throw new IllegalArgumentException(
                    "route " + key + " is keyed by another route key: " + route.routeKey());
        }
        route.integrationId()
                .filter(id -> !integrations.containsKey(id))
                .ifPresent(
                        id -> {
                            throw new IllegalArgumentException(
                                    key + ": Invalid integration identifier specified: " + id);
                        });
        if (route.authorizerId().isEmpty()) {
            return;
        }
        HttpAuthorizer authorizer = authorizers.get(route.authorizerId().get());
        if (authorizer == null) {
            throw new IllegalArgumentException(
                    key
                            + ": Invalid authorizer identifier specified: "
                            + route.authorizerId().get());
        }
        HttpAuthorizerType expected =
                route.authorizationType() == AuthorizationType.JWT
                        ? HttpAuthorizerType.JWT
                        : HttpAuthorizerType.REQUEST;
        if (authorizer.authorizerType() != expected) {
            throw new IllegalArgumentException(
                    key
                            + ": authorizationType "
                            + route.authorizationType()
                            + " needs a "
                            + expected
                            + " authorizer, "
                            + authorizer.name()
                            + " is "
                            + authorizer.authorizerType());
        }
    }

    /** Returns a builder for the API named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Returns a builder holding this API. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.id = id;
        b.description = description.orElse(null);
        b.version = version.orElse(null);
        b.corsConfiguration = corsConfiguration.orElse(null);
        b.routes = new LinkedHashMap<>(routes);
        b.integrations = new LinkedHashMap<>(integrations);
        b.authorizers = new LinkedHashMap<>(authorizers);
        b.stages = new LinkedHashMap<>(stages);
        b.disableExecuteApiEndpoint = disableExecuteApiEndpoint;
        b.tags = new LinkedHashMap<>(tags);
        return b;
    }

    /** Returns the route of {@code routeKey}, if any. */
    public Optional<Route> route(String routeKey) {
        return Optional.ofNullable(routes.get(routeKey));
    }

    /** Builds {@link HttpApi}. */
    public static final class Builder {
        private final String name;
        private String id;
        private String description;
        private String version;
        private CorsConfiguration corsConfiguration;
        private Map<String, Route> routes = new LinkedHashMap<>();
        private final List<String> duplicateRoutes = new ArrayList<>();
        private Map<String, HttpIntegration> integrations = new LinkedHashMap<>();
        private Map<String, HttpAuthorizer> authorizers = new LinkedHashMap<>();
        private Map<String, HttpStage> stages = new LinkedHashMap<>();
        private boolean disableExecuteApiEndpoint;
        private Map<String, String> tags = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the API id (by default derived from the name). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets the version label. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Sets the CORS configuration (null: none). */
        public Builder corsConfiguration(CorsConfiguration corsConfiguration) {
            this.corsConfiguration = corsConfiguration;
            return this;
        }

        /** Adds a route; a second route with the same key fails {@link #build()}. */
        public Builder route(Route route) {
            String key = route.routeKey().toString();
            if (routes.containsKey(key)) {
                duplicateRoutes.add(key);
            }
            routes.put(key, route);
            return this;
        }

        /** Adds the route {@code routeKey} sending to the integration {@code integrationId}. */
        public Builder route(String routeKey, String integrationId) {
            return route(Route.builder(routeKey).integrationId(integrationId).build());
        }

        /** Adds the route {@code routeKey} as {@code spec} describes it. */
        public Builder route(String routeKey, Consumer<Route.Builder> spec) {
            Route.Builder b = Route.builder(routeKey);
            spec.accept(b);
            return route(b.build());
        }

        /** Removes the route {@code routeKey}. */
        public Builder removeRoute(String routeKey) {
            routes.remove(routeKey);
            return this;
        }

        /** Adds or replaces an integration, keyed by id. */
        public Builder integration(HttpIntegration integration) {
            integrations.put(integration.integrationId(), integration);
            return this;
        }

        /** Adds or replaces an authorizer, keyed by id. */
        public Builder authorizer(HttpAuthorizer authorizer) {
            authorizers.put(authorizer.authorizerId(), authorizer);
            return this;
        }

        /** Adds or replaces a stage, keyed by name. */
        public Builder stage(HttpStage stage) {
            stages.put(stage.stageName(), stage);
            return this;
        }

        /** Adds or replaces the stage {@code stageName} as {@code spec} describes it. */
        public Builder stage(String stageName, Consumer<HttpStage.Builder> spec) {
            HttpStage.Builder b = HttpStage.builder(stageName);
            spec.accept(b);
            return stage(b.build());
        }

        /** Sets whether the default endpoint is off. */
        public Builder disableExecuteApiEndpoint(boolean disable) {
            this.disableExecuteApiEndpoint = disable;
            return this;
        }

        /** Sets one tag. */
        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /**
         * Validates and builds; fails naming the place (a route key defined twice, a missing
         * integration).
         */
        public HttpApi build() {
            if (!duplicateRoutes.isEmpty()) {
                throw new IllegalArgumentException(
                        "Route with key "
                                + duplicateRoutes.get(0)
                                + " already exists for this API");
            }
            return new HttpApi(
                    id != null ? id : StableIds.of("httpapi:" + name, 10),
                    name,
                    Optional.ofNullable(description),
                    Optional.ofNullable(version),
                    Optional.ofNullable(corsConfiguration),
                    routes,
                    integrations,
                    authorizers,
                    stages,
                    disableExecuteApiEndpoint,
                    tags);
        }
    }
}
