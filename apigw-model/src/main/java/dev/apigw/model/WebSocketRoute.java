package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A WebSocket API route (reference section 7.3): one of the predefined keys {@code $connect},
 * {@code $disconnect} and {@code $default}, or a custom key (the value the route selection
 * expression must give, which must not start with {@code $}). Authorization and API keys are only
 * for {@code $connect} (reference 7.3, 8.2): they protect the whole connection. A route response
 * ({@link WebSocketRouteResponse}) with {@code routeResponseSelectionExpression} {@code $default}
 * makes the route two-way.
 *
 * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or a custom key
 * @param routeId the route's id; by default derived from the key
 * @param integrationId the integration messages go to ({@code target} {@code integrations/{id}}),
 *     empty for a route without one
 * @param authorizationType {@code NONE}, {@code AWS_IAM} or {@code CUSTOM} (a Lambda REQUEST
 *     authorizer); other than {@code NONE} on {@code $connect} only
 * @param authorizerId the authorizer of a {@code CUSTOM} route
 * @param apiKeyRequired whether the connection needs an API key ({@code $connect} only, reference
 *     8.2)
 * @param routeResponseSelectionExpression {@code $default} for a two-way route, else empty
 * @param routeResponses the route responses by key (only {@code $default})
 * @param requestParameters the declared request parameters ({@code route.request.header.X}, {@code
 *     route.request.querystring.X}) and whether each is required (reference 5.4)
 * @param requestModels the request models by key, descriptive here
 * @param modelSelectionExpression selects the request model (reference 7.3)
 * @param operationName the operation's name, descriptive
 */
public record WebSocketRoute(
        String routeKey,
        String routeId,
        Optional<String> integrationId,
        AuthorizationType authorizationType,
        Optional<String> authorizerId,
        boolean apiKeyRequired,
        Optional<String> routeResponseSelectionExpression,
        Map<String, WebSocketRouteResponse> routeResponses,
        Map<String, Boolean> requestParameters,
        Map<String, String> requestModels,
        Optional<SelectionExpression> modelSelectionExpression,
        Optional<String> operationName) {
    /** The route run while a client connects. */
    public static final String CONNECT = "$connect";

    /** The route run after a connection closed (best effort). */
    public static final String DISCONNECT = "$disconnect";

    /** The route of messages no other route matches, or that are not JSON. */
    public static final String DEFAULT = "$default";

    private static final Set<String> PREDEFINED = Set.of(CONNECT, DISCONNECT, DEFAULT);
    private static final Set<AuthorizationType> AUTHORIZATION_TYPES =
            Set.of(AuthorizationType.NONE, AuthorizationType.AWS_IAM, AuthorizationType.CUSTOM);
    private static final Pattern REQUEST_PARAMETER =
            Pattern.compile("route\\.request\\.(header|querystring)\\.[^.\\s]+");

    /** Validates and copies; fails naming the route. */
    public WebSocketRoute {
        Checks.requireText(routeKey, "route key");
        String place = "route " + routeKey + ": ";
        if (routeKey.startsWith("$") && !PREDEFINED.contains(routeKey)) {
            throw new IllegalArgumentException(
                    place
                            + "a custom route key must not start with $ (the predefined keys are"
                            + " $connect, $disconnect and $default)");
        }
        Checks.requireText(routeId, place + "routeId");
        Objects.requireNonNull(integrationId);
        Objects.requireNonNull(authorizationType, place + "authorizationType is required");
        Objects.requireNonNull(authorizerId);
        Objects.requireNonNull(routeResponseSelectionExpression);
        routeResponses = Copies.orderedMap(routeResponses);
        requestParameters = Copies.orderedMap(requestParameters);
        requestModels = Copies.orderedMap(requestModels);
        Objects.requireNonNull(modelSelectionExpression);
        Objects.requireNonNull(operationName);
        checkAuthorization(place, routeKey, authorizationType, authorizerId, apiKeyRequired);
        routeResponseSelectionExpression
                .filter(e -> !e.equals(WebSocketRouteResponse.DEFAULT))
                .ifPresent(
                        e -> {
                            throw new IllegalArgumentException(
                                    place
                                            + "routeResponseSelectionExpression "
                                            + e
                                            + ": only $default is supported");
                        });
        routeResponses.forEach(
                (key, response) -> {
                    if (!key.equals(response.routeResponseKey())) {
                        throw new IllegalArgumentException(
                                place + "route response " + key + " is keyed by another key");
                    }
                });
        for (String name : requestParameters.keySet()) {
            if (!REQUEST_PARAMETER.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        place
                                + "request parameter "
                                + name
                                + " must be route.request.header.NAME or"
                                + " route.request.querystring.NAME");
            }
        }
    }

    private static void checkAuthorization(
            String place,
            String routeKey,
            AuthorizationType type,
            Optional<String> authorizerId,
            boolean apiKeyRequired) {
        if (!AUTHORIZATION_TYPES.contains(type)) {
            throw new IllegalArgumentException(
                    place
                            + "authorizationType "
                            + type
                            + " is not supported by WebSocket APIs (NONE, AWS_IAM or CUSTOM)");
        }
        if (!routeKey.equals(CONNECT)) {
            if (type != AuthorizationType.NONE) {
                throw new IllegalArgumentException(
                        place
                                + "authorizationType "
                                + type
                                + ": authorization is only supported on the $connect route");
            }
            if (apiKeyRequired) {
                throw new IllegalArgumentException(
                        place + "apiKeyRequired is only supported on the $connect route");
            }
        }
        if (type == AuthorizationType.CUSTOM && authorizerId.isEmpty()) {
            throw new IllegalArgumentException(
                    place + "authorizationType CUSTOM needs an authorizerId");
        }
        if (type != AuthorizationType.CUSTOM && authorizerId.isPresent()) {
            throw new IllegalArgumentException(
                    place + "authorizerId is only for authorizationType CUSTOM, not " + type);
        }
    }

    /** Returns a builder for the route of {@code routeKey}. */
    public static Builder builder(String routeKey) {
        return new Builder(routeKey);
    }

    /** Returns a builder holding this route. */
    public Builder toBuilder() {
        Builder b = new Builder(routeKey);
        b.routeId = routeId;
        b.integrationId = integrationId.orElse(null);
        b.authorizationType = authorizationType;
        b.authorizerId = authorizerId.orElse(null);
        b.apiKeyRequired = apiKeyRequired;
        b.routeResponseSelectionExpression = routeResponseSelectionExpression.orElse(null);
        b.routeResponses = new LinkedHashMap<>(routeResponses);
        b.requestParameters = new LinkedHashMap<>(requestParameters);
        b.requestModels = new LinkedHashMap<>(requestModels);
        b.modelSelectionExpression = modelSelectionExpression.map(Object::toString).orElse(null);
        b.operationName = operationName.orElse(null);
        return b;
    }

    /** Returns whether this is one of {@code $connect}, {@code $disconnect}, {@code $default}. */
    public boolean isPredefined() {
        return PREDEFINED.contains(routeKey);
    }

    /** Returns whether the route is two-way: it has a route response and selects it. */
    public boolean isTwoWay() {
        return routeResponseSelectionExpression.isPresent() && !routeResponses.isEmpty();
    }

    /** Builds {@link WebSocketRoute}. */
    public static final class Builder {
        private final String routeKey;
        private String routeId;
        private String integrationId;
        private AuthorizationType authorizationType = AuthorizationType.NONE;
        private String authorizerId;
        private boolean apiKeyRequired;
        private String routeResponseSelectionExpression;
        private Map<String, WebSocketRouteResponse> routeResponses = new LinkedHashMap<>();
        private Map<String, Boolean> requestParameters = new LinkedHashMap<>();
        private Map<String, String> requestModels = new LinkedHashMap<>();
        private String modelSelectionExpression;
        private String operationName;

        private Builder(String routeKey) {
            this.routeKey = routeKey;
        }

        /** Sets the route id (by default derived from the route key). */
        public Builder routeId(String routeId) {
            this.routeId = routeId;
            return this;
        }

        /** Sets the integration messages go to, by id. */
        public Builder integrationId(String integrationId) {
            this.integrationId = integrationId;
            return this;
        }

        /** Sets how the connection is authorized ({@code $connect} only). */
        public Builder authorizationType(AuthorizationType authorizationType) {
            this.authorizationType = authorizationType;
            return this;
        }

        /** Sets the Lambda authorizer of a CUSTOM route, by id. */
        public Builder authorizerId(String authorizerId) {
            this.authorizerId = authorizerId;
            return this;
        }

        /** Authorizes the connection with the Lambda authorizer {@code authorizerId}. */
        public Builder custom(String authorizerId) {
            this.authorizationType = AuthorizationType.CUSTOM;
            this.authorizerId = authorizerId;
            return this;
        }

        /** Sets whether the connection needs an API key ({@code $connect} only). */
        public Builder apiKeyRequired(boolean apiKeyRequired) {
            this.apiKeyRequired = apiKeyRequired;
            return this;
        }

        /** Sets the route response selection expression ({@code $default} only). */
        public Builder routeResponseSelectionExpression(String expression) {
            this.routeResponseSelectionExpression = expression;
            return this;
        }

        /** Adds or replaces a route response, keyed by its key. */
        public Builder routeResponse(WebSocketRouteResponse response) {
            routeResponses.put(response.routeResponseKey(), response);
            return this;
        }

        /**
         * Makes the route two-way: selection expression {@code $default} and the route response
         * {@code $default}.
         */
        public Builder twoWay() {
            this.routeResponseSelectionExpression = WebSocketRouteResponse.DEFAULT;
            return routeResponse(WebSocketRouteResponse.builder().build());
        }

        /** Replaces the declared request parameters. */
        public Builder requestParameters(Map<String, Boolean> requestParameters) {
            this.requestParameters = new LinkedHashMap<>(requestParameters);
            return this;
        }

        /** Declares one request parameter and whether it is required. */
        public Builder requestParameter(String name, boolean required) {
            requestParameters.put(name, required);
            return this;
        }

        /** Replaces the request models. */
        public Builder requestModels(Map<String, String> requestModels) {
            this.requestModels = new LinkedHashMap<>(requestModels);
            return this;
        }

        /** Sets the model selection expression. */
        public Builder modelSelectionExpression(String expression) {
            this.modelSelectionExpression = expression;
            return this;
        }

        /** Sets the operation's name. */
        public Builder operationName(String operationName) {
            this.operationName = operationName;
            return this;
        }

        /** Validates and builds; fails naming the route. */
        public WebSocketRoute build() {
            Optional<SelectionExpression> models;
            try {
                models =
                        Optional.ofNullable(modelSelectionExpression)
                                .map(SelectionExpression::parse);
            } catch (IllegalArgumentException e) {
                throw Checks.at("route " + routeKey + " modelSelectionExpression", e);
            }
            return new WebSocketRoute(
                    routeKey,
                    routeId != null ? routeId : StableIds.of("wsroute:" + routeKey, 7),
                    Optional.ofNullable(integrationId),
                    authorizationType,
                    Optional.ofNullable(authorizerId),
                    apiKeyRequired,
                    Optional.ofNullable(routeResponseSelectionExpression),
                    routeResponses,
                    requestParameters,
                    requestModels,
                    models,
                    Optional.ofNullable(operationName));
        }
    }
}
