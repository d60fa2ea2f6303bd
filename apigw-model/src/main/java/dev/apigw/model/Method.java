package dev.apigw.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An HTTP method of a resource: how callers are authorized, which parameters and models the request
 * declares, the method responses, and the integration behind it.
 */
public final class Method {
    /** The HTTP methods a REST API method may have; {@code ANY} stands for all the others. */
    public static final Set<String> HTTP_METHODS =
            Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

    private final String httpMethod;
    private final AuthorizationType authorizationType;
    private final String authorizerId;
    private final boolean apiKeyRequired;
    private final Map<String, Boolean> requestParameters;
    private final Map<String, String> requestModels;
    private final String requestValidatorId;
    private final Map<String, MethodResponse> methodResponses;
    private final String operationName;
    private final List<String> authorizationScopes;
    private final Integration integration;

    private Method(Builder b) {
        this.httpMethod = Checks.requireText(b.httpMethod, "httpMethod");
        if (!HTTP_METHODS.contains(httpMethod)) {
            throw new IllegalArgumentException(
                    "httpMethod '" + httpMethod + "' must be one of " + HTTP_METHODS);
        }
        this.authorizationType = b.authorizationType;
        this.authorizerId = b.authorizerId;
        if (authorizationType == AuthorizationType.JWT) {
            throw new IllegalArgumentException(
                    "authorizationType JWT is for HTTP API routes; a REST method uses"
                            + " COGNITO_USER_POOLS or CUSTOM");
        }
        if ((authorizationType == AuthorizationType.CUSTOM
                        || authorizationType == AuthorizationType.COGNITO_USER_POOLS)
                && (authorizerId == null || authorizerId.isBlank())) {
            throw new IllegalArgumentException(
                    "Invalid authorizer ID specified. Setting the"
                            + " authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid"
                            + " authorizer.");
        }
        this.apiKeyRequired = b.apiKeyRequired;
        this.requestParameters = Copies.orderedMap(b.requestParameters);
        this.requestModels = Copies.orderedMap(b.requestModels);
        this.requestValidatorId = b.requestValidatorId;
        this.methodResponses = Copies.orderedMap(b.methodResponses);
        this.operationName = b.operationName;
        this.authorizationScopes = Copies.list(b.authorizationScopes);
        this.integration = b.integration;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this method's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes. */
    public Method copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the HTTP method, e.g. {@code GET} or {@code ANY}. */
    public String httpMethod() {
        return httpMethod;
    }

    /** Returns how callers are authorized ({@code NONE} by default). */
    public AuthorizationType authorizationType() {
        return authorizationType;
    }

    /** Returns the id of the authorizer for CUSTOM and COGNITO_USER_POOLS. */
    public Optional<String> authorizerId() {
        return Optional.ofNullable(authorizerId);
    }

    /** Returns whether callers must send an API key of a usage plan of the stage. */
    public boolean apiKeyRequired() {
        return apiKeyRequired;
    }

    /** Returns the declared {@code method.request.*} parameters and whether each is required. */
    public Map<String, Boolean> requestParameters() {
        return requestParameters;
    }

    /** Returns the request models by content type. */
    public Map<String, String> requestModels() {
        return requestModels;
    }

    /** Returns the id of the request validator, if set. */
    public Optional<String> requestValidatorId() {
        return Optional.ofNullable(requestValidatorId);
    }

    /** Returns the method responses keyed by status code. */
    public Map<String, MethodResponse> methodResponses() {
        return methodResponses;
    }

    /** Returns the operation name (OpenAPI {@code operationId}), if set. */
    public Optional<String> operationName() {
        return Optional.ofNullable(operationName);
    }

    /** Returns the authorization scopes for a Cognito authorizer. */
    public List<String> authorizationScopes() {
        return authorizationScopes;
    }

    /** Returns the integration; AWS allows a method without one, but not its deployment. */
    public Optional<Integration> integration() {
        return Optional.ofNullable(integration);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Method m
                && httpMethod.equals(m.httpMethod)
                && authorizationType == m.authorizationType
                && Objects.equals(authorizerId, m.authorizerId)
                && apiKeyRequired == m.apiKeyRequired
                && requestParameters.equals(m.requestParameters)
                && requestModels.equals(m.requestModels)
                && Objects.equals(requestValidatorId, m.requestValidatorId)
                && methodResponses.equals(m.methodResponses)
                && Objects.equals(operationName, m.operationName)
                && authorizationScopes.equals(m.authorizationScopes)
                && Objects.equals(integration, m.integration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                httpMethod,
                authorizationType,
                apiKeyRequired,
                requestParameters,
                methodResponses,
                integration);
    }

    @Override
    public String toString() {
        return "Method[" + httpMethod + ", " + integration + "]";
    }

    /** Builds a {@link Method}. */
    public static final class Builder {
        private String httpMethod;
        private AuthorizationType authorizationType = AuthorizationType.NONE;
        private String authorizerId;
        private boolean apiKeyRequired;
        private Map<String, Boolean> requestParameters = new LinkedHashMap<>();
        private Map<String, String> requestModels = new LinkedHashMap<>();
        private String requestValidatorId;
        private Map<String, MethodResponse> methodResponses = new LinkedHashMap<>();
        private String operationName;
        private List<String> authorizationScopes = new ArrayList<>();
        private Integration integration;

        private Builder() {}

        private Builder(Method m) {
            httpMethod = m.httpMethod;
            authorizationType = m.authorizationType;
            authorizerId = m.authorizerId;
            apiKeyRequired = m.apiKeyRequired;
            requestParameters = new LinkedHashMap<>(m.requestParameters);
            requestModels = new LinkedHashMap<>(m.requestModels);
            requestValidatorId = m.requestValidatorId;
            methodResponses = new LinkedHashMap<>(m.methodResponses);
            operationName = m.operationName;
            authorizationScopes = new ArrayList<>(m.authorizationScopes);
            integration = m.integration;
        }

        /** Sets the HTTP method. */
        public Builder httpMethod(String httpMethod) {
            this.httpMethod = httpMethod;
            return this;
        }

        /** Sets how callers are authorized. */
        public Builder authorizationType(AuthorizationType authorizationType) {
            this.authorizationType = Objects.requireNonNull(authorizationType);
            return this;
        }

        /** Sets the authorizer id. */
        public Builder authorizerId(String authorizerId) {
            this.authorizerId = authorizerId;
            return this;
        }

        /** Sets whether an API key is required. */
        public Builder apiKeyRequired(boolean apiKeyRequired) {
            this.apiKeyRequired = apiKeyRequired;
            return this;
        }

        /** Replaces the declared request parameters. */
        public Builder requestParameters(Map<String, Boolean> requestParameters) {
            this.requestParameters = new LinkedHashMap<>(requestParameters);
            return this;
        }

        /** Declares a request parameter, e.g. {@code method.request.querystring.q}. */
        public Builder putRequestParameter(String name, boolean required) {
            requestParameters.put(name, required);
            return this;
        }

        /** Replaces the request models. */
        public Builder requestModels(Map<String, String> requestModels) {
            this.requestModels = new LinkedHashMap<>(requestModels);
            return this;
        }

        /** Adds a request model for a content type. */
        public Builder putRequestModel(String contentType, String modelName) {
            requestModels.put(contentType, modelName);
            return this;
        }

        /** Sets the request validator id. */
        public Builder requestValidatorId(String requestValidatorId) {
            this.requestValidatorId = requestValidatorId;
            return this;
        }

        /** Replaces the method responses. */
        public Builder methodResponses(Map<String, MethodResponse> methodResponses) {
            this.methodResponses = new LinkedHashMap<>(methodResponses);
            return this;
        }

        /** Adds a method response, keyed by its status code. */
        public Builder methodResponse(MethodResponse methodResponse) {
            methodResponses.put(methodResponse.statusCode(), methodResponse);
            return this;
        }

        /** Builds and adds a method response for a status code. */
        public Builder methodResponse(String statusCode, Consumer<MethodResponse.Builder> spec) {
            MethodResponse.Builder b = MethodResponse.builder().statusCode(statusCode);
            spec.accept(b);
            try {
                return methodResponse(b.build());
            } catch (IllegalArgumentException e) {
                throw Checks.at("method response " + statusCode, e);
            }
        }

        /** Sets the operation name. */
        public Builder operationName(String operationName) {
            this.operationName = operationName;
            return this;
        }

        /** Replaces the authorization scopes. */
        public Builder authorizationScopes(List<String> authorizationScopes) {
            this.authorizationScopes = new ArrayList<>(authorizationScopes);
            return this;
        }

        /** Sets the integration. */
        public Builder integration(Integration integration) {
            this.integration = integration;
            return this;
        }

        /** Builds and sets the integration. */
        public Builder integration(Consumer<Integration.Builder> spec) {
            Integration.Builder b = Integration.builder();
            spec.accept(b);
            return integration(b.build());
        }

        /** Validates and builds; fails naming the field. */
        public Method build() {
            return new Method(this);
        }
    }
}
