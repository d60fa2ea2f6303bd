package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A WebSocket API (apigatewayv2, {@code protocolType WEBSOCKET}): the route selection expression,
 * routes by route key, the integrations and authorizers they use, and the stages (reference
 * sections 2.6, 5.4, 7.3, 7.4, 8.2, 8.3, 9.1, 9.5). The runtime's {@code WebSocketGateway} serves a
 * stage of it in-process; the local server does not serve it yet. Immutable; {@link #toBuilder()}
 * gives a changed copy.
 *
 * @param id the API id ({@code $context.apiId}); by default derived from the name
 * @param name the API name
 * @param description a description
 * @param routeSelectionExpression evaluated on each message to find its route (reference 7.3),
 *     typically {@code $request.body.action}
 * @param apiKeySelectionExpression where {@code $connect} reads the API key: {@code
 *     $request.header.x-api-key} (the default) or {@code $context.authorizer.usageIdentifierKey}
 * @param routes the routes by route key, in definition order
 * @param integrations the integrations by id
 * @param authorizers the authorizers by id
 * @param stages the stages by name
 * @param disableExecuteApiEndpoint whether the default endpoint is off, descriptive here
 * @param tags the API's tags
 */
public record WebSocketApi(
        String id,
        String name,
        Optional<String> description,
        SelectionExpression routeSelectionExpression,
        String apiKeySelectionExpression,
        Map<String, WebSocketRoute> routes,
        Map<String, WebSocketIntegration> integrations,
        Map<String, WebSocketAuthorizer> authorizers,
        Map<String, WebSocketStage> stages,
        boolean disableExecuteApiEndpoint,
        Map<String, String> tags) {
    /** The default API key selection expression (reference 7.3, 8.2). */
    public static final String API_KEY_HEADER = "$request.header.x-api-key";

    /** The API key selection expression reading the key a Lambda authorizer returned. */
    public static final String API_KEY_AUTHORIZER = "$context.authorizer.usageIdentifierKey";

    private static final Set<String> API_KEY_EXPRESSIONS =
            Set.of(API_KEY_HEADER, API_KEY_AUTHORIZER);

    /** Validates and copies; fails naming the place of a broken reference. */
    public WebSocketApi {
        Checks.requireText(id, "api id");
        Checks.requireText(name, "api name");
        Objects.requireNonNull(description);
        Objects.requireNonNull(routeSelectionExpression, "routeSelectionExpression is required");
        Objects.requireNonNull(apiKeySelectionExpression);
        if (!API_KEY_EXPRESSIONS.contains(apiKeySelectionExpression)) {
            throw new IllegalArgumentException(
                    "apiKeySelectionExpression "
                            + apiKeySelectionExpression
                            + " must be "
                            + API_KEY_HEADER
                            + " or "
                            + API_KEY_AUTHORIZER);
        }
        routes = Copies.orderedMap(routes);
        integrations = Copies.orderedMap(integrations);
        authorizers = Copies.orderedMap(authorizers);
        stages = Copies.orderedMap(stages);
        tags = Copies.orderedMap(tags);
        for (Map.Entry<String, WebSocketRoute> route : routes.entrySet()) {
            checkRoute(route.getKey(), route.getValue(), integrations, authorizers);
        }
        checkConnectOnlySources(routes, integrations);
        for (WebSocketStage stage : stages.values()) {
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
            WebSocketRoute route,
            Map<String, WebSocketIntegration> integrations,
            Map<String, WebSocketAuthorizer> authorizers) {
        if (!key.equals(route.routeKey())) {
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
        route.authorizerId()
                .filter(id -> !authorizers.containsKey(id))
                .ifPresent(
                        id -> {
                            throw new IllegalArgumentException(
                                    key + ": Invalid authorizer identifier specified: " + id);
                        });
    }

    /**
     * Fails when a route other than {@code $connect} targets an integration mapping a header or
     * query string of the upgrade request, which only {@code $connect} has (reference 5.4).
     */
    private static void checkConnectOnlySources(
            Map<String, WebSocketRoute> routes, Map<String, WebSocketIntegration> integrations) {
        for (WebSocketRoute route : routes.values()) {
            if (route.routeKey().equals(WebSocketRoute.CONNECT)
                    || route.integrationId().isEmpty()) {
                continue;
            }
            WebSocketIntegration integration = integrations.get(route.integrationId().get());
            List<String> sources = integration.connectOnlySources();
            if (!sources.isEmpty()) {
                throw new IllegalArgumentException(
                        route.routeKey()
                                + ": integration "
                                + integration.integrationId()
                                + " maps "
                                + sources.get(0)
                                + ", which only the $connect route has");
            }
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
        b.routeSelectionExpression = routeSelectionExpression.text();
        b.apiKeySelectionExpression = apiKeySelectionExpression;
        b.routes = new LinkedHashMap<>(routes);
        b.integrations = new LinkedHashMap<>(integrations);
        b.authorizers = new LinkedHashMap<>(authorizers);
        b.stages = new LinkedHashMap<>(stages);
        b.disableExecuteApiEndpoint = disableExecuteApiEndpoint;
        b.tags = new LinkedHashMap<>(tags);
        return b;
    }

    /** Returns the route of {@code routeKey}, if any. */
    public Optional<WebSocketRoute> route(String routeKey) {
        return Optional.ofNullable(routes.get(routeKey));
    }

    /** Builds {@link WebSocketApi}. */
    public static final class Builder {
        private final String name;
        private String id;
        private String description;
        private String routeSelectionExpression;
        private String apiKeySelectionExpression = API_KEY_HEADER;
        private Map<String, WebSocketRoute> routes = new LinkedHashMap<>();
        private final List<String> duplicateRoutes = new ArrayList<>();
        private Map<String, WebSocketIntegration> integrations = new LinkedHashMap<>();
        private Map<String, WebSocketAuthorizer> authorizers = new LinkedHashMap<>();
        private Map<String, WebSocketStage> stages = new LinkedHashMap<>();
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

        /** Sets the route selection expression (required), e.g. {@code $request.body.action}. */
        public Builder routeSelectionExpression(String expression) {
            this.routeSelectionExpression = expression;
            return this;
        }

        /** Sets where {@code $connect} reads the API key. */
        public Builder apiKeySelectionExpression(String expression) {
            this.apiKeySelectionExpression = expression;
            return this;
        }

        /** Adds a route; a second route with the same key fails {@link #build()}. */
        public Builder route(WebSocketRoute route) {
            if (routes.containsKey(route.routeKey())) {
                duplicateRoutes.add(route.routeKey());
            }
            routes.put(route.routeKey(), route);
            return this;
        }

        /** Adds the route {@code routeKey} sending to the integration {@code integrationId}. */
        public Builder route(String routeKey, String integrationId) {
            return route(WebSocketRoute.builder(routeKey).integrationId(integrationId).build());
        }

        /** Adds the route {@code routeKey} as {@code spec} describes it. */
        public Builder route(String routeKey, Consumer<WebSocketRoute.Builder> spec) {
            WebSocketRoute.Builder b = WebSocketRoute.builder(routeKey);
            spec.accept(b);
            return route(b.build());
        }

        /** Removes the route {@code routeKey}. */
        public Builder removeRoute(String routeKey) {
            routes.remove(routeKey);
            return this;
        }

        /** Adds or replaces an integration, keyed by id. */
        public Builder integration(WebSocketIntegration integration) {
            integrations.put(integration.integrationId(), integration);
            return this;
        }

        /** Adds or replaces an authorizer, keyed by id. */
        public Builder authorizer(WebSocketAuthorizer authorizer) {
            authorizers.put(authorizer.authorizerId(), authorizer);
            return this;
        }

        /** Adds or replaces a stage, keyed by name. */
        public Builder stage(WebSocketStage stage) {
            stages.put(stage.stageName(), stage);
            return this;
        }

        /** Adds or replaces the stage {@code stageName} as {@code spec} describes it. */
        public Builder stage(String stageName, Consumer<WebSocketStage.Builder> spec) {
            WebSocketStage.Builder b = WebSocketStage.builder(stageName);
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
         * Validates and builds; fails naming the place (no route selection expression, a route key
         * defined twice, a missing integration or authorizer).
         */
        public WebSocketApi build() {
            if (routeSelectionExpression == null || routeSelectionExpression.isBlank()) {
                throw new IllegalArgumentException(
                        "api " + name + ": routeSelectionExpression is required");
            }
            if (!duplicateRoutes.isEmpty()) {
                throw new IllegalArgumentException(
                        "Route with key "
                                + duplicateRoutes.get(0)
                                + " already exists for this API");
            }
            SelectionExpression selection;
            try {
                selection = SelectionExpression.parse(routeSelectionExpression);
            } catch (IllegalArgumentException e) {
                throw Checks.at("api " + name + " routeSelectionExpression", e);
            }
            return new WebSocketApi(
                    id != null ? id : StableIds.of("wsapi:" + name, 10),
                    name,
                    Optional.ofNullable(description),
                    selection,
                    apiKeySelectionExpression,
                    routes,
                    integrations,
                    authorizers,
                    stages,
                    disableExecuteApiEndpoint,
                    tags);
        }
    }
}
