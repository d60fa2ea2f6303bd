package dev.apigw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP API route (reference section 7.2): a route key, the integration it sends to, and how it
 * authorizes callers.
 *
 * @param routeKey the key, e.g. {@code GET /pets/{id}} or {@code $default}
 * @param routeId the route's id; by default derived from the key
 * @param integrationId the integration requests go to ({@code target} {@code integrations/{id}}),
 *     empty for a route without one
 * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code JWT} or {@code CUSTOM} (a Lambda
 *     authorizer)
 * @param authorizerId the authorizer of a {@code JWT} or {@code CUSTOM} route
 * @param authorizationScopes the scopes a JWT must carry one of (reference 8.5), at most 10
 * @param operationName the operation's name, descriptive
 */
public record Route(
        RouteKey routeKey,
        String routeId,
        Optional<String> integrationId,
        AuthorizationType authorizationType,
        Optional<String> authorizerId,
        List<String> authorizationScopes,
        Optional<String> operationName) {
    /** Validates and copies; fails naming the route. */
    public Route {
        Objects.requireNonNull(routeKey, "routeKey");
        Checks.requireText(routeId, routeKey + ": routeId");
        Objects.requireNonNull(integrationId);
        Objects.requireNonNull(authorizationType);
        Objects.requireNonNull(authorizerId);
        authorizationScopes = Copies.list(authorizationScopes);
        Objects.requireNonNull(operationName);
        if (authorizationType == AuthorizationType.COGNITO_USER_POOLS) {
            throw new IllegalArgumentException(
                    routeKey + ": authorizationType COGNITO_USER_POOLS is for REST APIs; use JWT");
        }
        boolean needsAuthorizer =
                authorizationType == AuthorizationType.JWT
                        || authorizationType == AuthorizationType.CUSTOM;
        if (needsAuthorizer && authorizerId.isEmpty()) {
            throw new IllegalArgumentException(
                    routeKey
                            + ": authorizationType "
                            + authorizationType
                            + " needs an authorizerId");
        }
        if (!needsAuthorizer && authorizerId.isPresent()) {
            throw new IllegalArgumentException(
                    routeKey
                            + ": authorizerId is only for authorizationType JWT or CUSTOM, not "
                            + authorizationType);
        }
        if (authorizationScopes.size() > 10) {
            throw new IllegalArgumentException(
                    routeKey
                            + ": at most 10 authorizationScopes, has "
                            + authorizationScopes.size());
        }
        if (!authorizationScopes.isEmpty() && authorizationType != AuthorizationType.JWT) {
            throw new IllegalArgumentException(
                    routeKey + ": authorizationScopes are only for JWT authorization");
        }
    }

    /**
     * Returns a builder for the route of {@code routeKey} ({@code GET /pets}, {@code $default}).
     */
    public static Builder builder(String routeKey) {
        return new Builder(RouteKey.parse(routeKey));
    }

    /** Returns a builder holding this route. */
    public Builder toBuilder() {
        Builder b = new Builder(routeKey);
        b.routeId = routeId;
        b.integrationId = integrationId.orElse(null);
        b.authorizationType = authorizationType;
        b.authorizerId = authorizerId.orElse(null);
        b.authorizationScopes = new ArrayList<>(authorizationScopes);
        b.operationName = operationName.orElse(null);
        return b;
    }

    /** Builds {@link Route}. */
    public static final class Builder {
        private final RouteKey routeKey;
        private String routeId;
        private String integrationId;
        private AuthorizationType authorizationType = AuthorizationType.NONE;
        private String authorizerId;
        private List<String> authorizationScopes = new ArrayList<>();
        private String operationName;

        private Builder(RouteKey routeKey) {
            this.routeKey = routeKey;
        }

        /** Sets the route id (by default derived from the route key). */
        public Builder routeId(String routeId) {
            this.routeId = routeId;
            return this;
        }

        /** Sets the integration requests go to, by id. */
        public Builder integrationId(String integrationId) {
            this.integrationId = integrationId;
            return this;
        }

        /** Sets how the route authorizes callers. */
        public Builder authorizationType(AuthorizationType authorizationType) {
            this.authorizationType = authorizationType;
            return this;
        }

        /** Sets the authorizer of a JWT or CUSTOM route, by id. */
        public Builder authorizerId(String authorizerId) {
            this.authorizerId = authorizerId;
            return this;
        }

        /**
         * Authorizes with the JWT authorizer {@code authorizerId}, requiring one of {@code scopes}.
         */
        public Builder jwt(String authorizerId, String... scopes) {
            this.authorizationType = AuthorizationType.JWT;
            this.authorizerId = authorizerId;
            this.authorizationScopes = new ArrayList<>(List.of(scopes));
            return this;
        }

        /** Authorizes with the Lambda authorizer {@code authorizerId}. */
        public Builder custom(String authorizerId) {
            this.authorizationType = AuthorizationType.CUSTOM;
            this.authorizerId = authorizerId;
            return this;
        }

        /** Replaces the scopes a JWT must carry one of. */
        public Builder authorizationScopes(List<String> scopes) {
            this.authorizationScopes = new ArrayList<>(scopes);
            return this;
        }

        /** Sets the operation's name. */
        public Builder operationName(String operationName) {
            this.operationName = operationName;
            return this;
        }

        /** Validates and builds; fails naming the route. */
        public Route build() {
            return new Route(
                    routeKey,
                    routeId != null
                            ? routeId
                            : dev.apigw.model.template.StableIds.of("route:" + routeKey, 7),
                    Optional.ofNullable(integrationId),
                    authorizationType,
                    Optional.ofNullable(authorizerId),
                    authorizationScopes,
                    Optional.ofNullable(operationName));
        }
    }
}
