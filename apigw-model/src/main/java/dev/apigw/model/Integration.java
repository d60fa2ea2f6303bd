package dev.apigw.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The backend of a method: its type, URI, HTTP method, mappings, templates, passthrough and content
 * handling, timeout, cache key and integration responses. Fields as reference section 4.2 and the
 * API reference's {@code Integration}.
 *
 * <p>One class with a {@link IntegrationType} rather than a type per kind, as AWS models it: the
 * same fields apply to several types, and AWS accepts (and keeps) fields a type does not use.
 */
public final class Integration {
    /** AWS's default and maximum integration timeout for REST APIs, in milliseconds. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;

    /** AWS's minimum integration timeout, in milliseconds. */
    public static final int MIN_TIMEOUT_MILLIS = 50;

    private final IntegrationType type;
    private final String httpMethod;
    private final String uri;
    private final String credentials;
    private final Map<String, String> requestParameters;
    private final Map<String, String> requestTemplates;
    private final PassthroughBehavior passthroughBehavior;
    private final ContentHandlingStrategy contentHandling;
    private final String cacheNamespace;
    private final List<String> cacheKeyParameters;
    private final ConnectionType connectionType;
    private final String connectionId;
    private final int timeoutInMillis;
    private final boolean insecureSkipVerification;
    private final ResponseTransferMode responseTransferMode;
    private final String integrationTarget;
    private final Map<String, IntegrationResponse> integrationResponses;

    private Integration(Builder b) {
        if (b.type == null) {
            throw new IllegalArgumentException("integration type is required");
        }
        this.type = b.type;
        this.httpMethod = b.httpMethod == null || b.httpMethod.isBlank() ? null : b.httpMethod;
        this.uri = b.uri == null || b.uri.isBlank() ? null : b.uri;
        if (type != IntegrationType.MOCK) {
            if (uri == null) {
                throw new IllegalArgumentException("integration uri is required");
            }
            if (httpMethod == null) {
                throw new IllegalArgumentException(
                        "integration httpMethod is required (Enumeration value for HttpMethod"
                                + " must be non-empty)");
            }
            checkUri(type, uri);
        }
        this.credentials = b.credentials;
        this.requestParameters = Copies.orderedMap(b.requestParameters);
        this.requestTemplates = Copies.orderedMap(b.requestTemplates);
        this.passthroughBehavior = b.passthroughBehavior;
        this.contentHandling = b.contentHandling;
        this.cacheNamespace = b.cacheNamespace;
        this.cacheKeyParameters = Copies.list(b.cacheKeyParameters);
        this.connectionType =
                b.connectionType != null
                        ? b.connectionType
                        : (type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY
                                ? ConnectionType.INTERNET
                                : null);
        this.connectionId = b.connectionId;
        Checks.requireRange(
                b.timeoutInMillis, MIN_TIMEOUT_MILLIS, DEFAULT_TIMEOUT_MILLIS, "timeoutInMillis");
        this.timeoutInMillis = b.timeoutInMillis;
        this.insecureSkipVerification = b.insecureSkipVerification;
        this.responseTransferMode = b.responseTransferMode;
        this.integrationTarget = b.integrationTarget;
        this.integrationResponses = Copies.orderedMap(b.integrationResponses);
    }

    private static void checkUri(IntegrationType type, String uri) {
        switch (type) {
            case HTTP:
            case HTTP_PROXY:
                if (!(uri.startsWith("http://")
                        || uri.startsWith("https://")
                        || uri.startsWith("${stageVariables."))) {
                    throw new IllegalArgumentException(
                            "Invalid HTTP endpoint specified for URI: " + uri);
                }
                break;
            case AWS:
            case AWS_PROXY:
                if (!uri.startsWith("arn:")
                        || !(uri.contains(":path/") || uri.contains(":action/"))) {
                    throw new IllegalArgumentException(
                            "AWS ARN for integration must contain path or action: " + uri);
                }
                if (type == IntegrationType.AWS_PROXY
                        && !(uri.contains(":lambda:path/") || uri.contains(":firehose:"))) {
                    throw new IllegalArgumentException(
                            "Integrations of type 'AWS_PROXY' currently"
                                    + " only supports Lambda function and Firehose stream invocations.");
                }
                break;
            default:
                break;
        }
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this integration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes. */
    public Integration copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the integration type. */
    public IntegrationType type() {
        return type;
    }

    /** Returns the integration HTTP method ({@code POST} for Lambda); absent for MOCK. */
    public Optional<String> httpMethod() {
        return Optional.ofNullable(httpMethod);
    }

    /** Returns the URI: an HTTP URL or an AWS ARN; absent for MOCK. */
    public Optional<String> uri() {
        return Optional.ofNullable(uri);
    }

    /** Returns the role ARN API Gateway assumes, if set. */
    public Optional<String> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** Returns the {@code integration.request.*} mappings, target to source. */
    public Map<String, String> requestParameters() {
        return requestParameters;
    }

    /** Returns the request templates keyed by content type, in definition order. */
    public Map<String, String> requestTemplates() {
        return requestTemplates;
    }

    /** Returns the passthrough behaviour ({@code WHEN_NO_MATCH} by default). */
    public PassthroughBehavior passthroughBehavior() {
        return passthroughBehavior;
    }

    /** Returns the content handling of the request payload, if set. */
    public Optional<ContentHandlingStrategy> contentHandling() {
        return Optional.ofNullable(contentHandling);
    }

    /** Returns the cache namespace, if set (AWS defaults it to the resource id). */
    public Optional<String> cacheNamespace() {
        return Optional.ofNullable(cacheNamespace);
    }

    /** Returns the {@code method.request.*} names that make up the cache key. */
    public List<String> cacheKeyParameters() {
        return cacheKeyParameters;
    }

    /** Returns the connection type; absent for AWS, AWS_PROXY and MOCK, as AWS reports it. */
    public Optional<ConnectionType> connectionType() {
        return Optional.ofNullable(connectionType);
    }

    /** Returns the VPC link id, if set (may hold {@code ${stageVariables.x}}). */
    public Optional<String> connectionId() {
        return Optional.ofNullable(connectionId);
    }

    /** Returns the timeout in milliseconds (50 to 29,000; default 29,000). */
    public int timeoutInMillis() {
        return timeoutInMillis;
    }

    /** Returns whether TLS certificate checks of an HTTP backend are skipped. */
    public boolean insecureSkipVerification() {
        return insecureSkipVerification;
    }

    /** Returns how the response is sent to the client ({@code BUFFERED} by default). */
    public ResponseTransferMode responseTransferMode() {
        return responseTransferMode;
    }

    /** Returns the ALB or NLB listener of a private integration, if set. */
    public Optional<String> integrationTarget() {
        return Optional.ofNullable(integrationTarget);
    }

    /** Returns the integration responses keyed by status code, in definition order. */
    public Map<String, IntegrationResponse> integrationResponses() {
        return integrationResponses;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Integration i
                && type == i.type
                && Objects.equals(httpMethod, i.httpMethod)
                && Objects.equals(uri, i.uri)
                && Objects.equals(credentials, i.credentials)
                && requestParameters.equals(i.requestParameters)
                && requestTemplates.equals(i.requestTemplates)
                && passthroughBehavior == i.passthroughBehavior
                && contentHandling == i.contentHandling
                && Objects.equals(cacheNamespace, i.cacheNamespace)
                && cacheKeyParameters.equals(i.cacheKeyParameters)
                && connectionType == i.connectionType
                && Objects.equals(connectionId, i.connectionId)
                && timeoutInMillis == i.timeoutInMillis
                && insecureSkipVerification == i.insecureSkipVerification
                && responseTransferMode == i.responseTransferMode
                && Objects.equals(integrationTarget, i.integrationTarget)
                && integrationResponses.equals(i.integrationResponses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                type, httpMethod, uri, requestParameters, requestTemplates, integrationResponses);
    }

    @Override
    public String toString() {
        return "Integration[" + type + (uri == null ? "" : " " + httpMethod + " " + uri) + "]";
    }

    /** Builds an {@link Integration}. */
    public static final class Builder {
        private IntegrationType type;
        private String httpMethod;
        private String uri;
        private String credentials;
        private Map<String, String> requestParameters = new LinkedHashMap<>();
        private Map<String, String> requestTemplates = new LinkedHashMap<>();
        private PassthroughBehavior passthroughBehavior = PassthroughBehavior.WHEN_NO_MATCH;
        private ContentHandlingStrategy contentHandling;
        private String cacheNamespace;
        private List<String> cacheKeyParameters = new ArrayList<>();
        private ConnectionType connectionType;
        private String connectionId;
        private int timeoutInMillis = DEFAULT_TIMEOUT_MILLIS;
        private boolean insecureSkipVerification;
        private ResponseTransferMode responseTransferMode = ResponseTransferMode.BUFFERED;
        private String integrationTarget;
        private Map<String, IntegrationResponse> integrationResponses = new LinkedHashMap<>();

        private Builder() {}

        private Builder(Integration i) {
            type = i.type;
            httpMethod = i.httpMethod;
            uri = i.uri;
            credentials = i.credentials;
            requestParameters = new LinkedHashMap<>(i.requestParameters);
            requestTemplates = new LinkedHashMap<>(i.requestTemplates);
            passthroughBehavior = i.passthroughBehavior;
            contentHandling = i.contentHandling;
            cacheNamespace = i.cacheNamespace;
            cacheKeyParameters = new ArrayList<>(i.cacheKeyParameters);
            connectionType = i.connectionType;
            connectionId = i.connectionId;
            timeoutInMillis = i.timeoutInMillis;
            insecureSkipVerification = i.insecureSkipVerification;
            responseTransferMode = i.responseTransferMode;
            integrationTarget = i.integrationTarget;
            integrationResponses = new LinkedHashMap<>(i.integrationResponses);
        }

        /** Sets the integration type. */
        public Builder type(IntegrationType type) {
            this.type = type;
            return this;
        }

        /** Sets the integration HTTP method ({@code POST} for Lambda, {@code ANY} allowed). */
        public Builder httpMethod(String httpMethod) {
            this.httpMethod = httpMethod;
            return this;
        }

        /** Sets the URI: an HTTP URL or an AWS ARN. */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        /** Sets the role ARN API Gateway assumes. */
        public Builder credentials(String credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Replaces the request parameter mappings. */
        public Builder requestParameters(Map<String, String> requestParameters) {
            this.requestParameters = new LinkedHashMap<>(requestParameters);
            return this;
        }

        /** Adds one mapping, e.g. {@code integration.request.path.id <- method.request.path.id}. */
        public Builder putRequestParameter(String target, String source) {
            requestParameters.put(target, source);
            return this;
        }

        /** Replaces the request templates. */
        public Builder requestTemplates(Map<String, String> requestTemplates) {
            this.requestTemplates = new LinkedHashMap<>(requestTemplates);
            return this;
        }

        /** Adds a request template for a content type. */
        public Builder putRequestTemplate(String contentType, String template) {
            requestTemplates.put(contentType, template);
            return this;
        }

        /** Sets the passthrough behaviour. */
        public Builder passthroughBehavior(PassthroughBehavior passthroughBehavior) {
            this.passthroughBehavior = Objects.requireNonNull(passthroughBehavior);
            return this;
        }

        /** Sets the content handling of the request payload. */
        public Builder contentHandling(ContentHandlingStrategy contentHandling) {
            this.contentHandling = contentHandling;
            return this;
        }

        /** Sets the cache namespace. */
        public Builder cacheNamespace(String cacheNamespace) {
            this.cacheNamespace = cacheNamespace;
            return this;
        }

        /** Replaces the cache key parameters. */
        public Builder cacheKeyParameters(List<String> cacheKeyParameters) {
            this.cacheKeyParameters = new ArrayList<>(cacheKeyParameters);
            return this;
        }

        /** Sets the connection type. */
        public Builder connectionType(ConnectionType connectionType) {
            this.connectionType = connectionType;
            return this;
        }

        /** Sets the VPC link id. */
        public Builder connectionId(String connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        /** Sets the timeout in milliseconds (50 to 29,000). */
        public Builder timeoutInMillis(int timeoutInMillis) {
            this.timeoutInMillis = timeoutInMillis;
            return this;
        }

        /** Sets whether TLS certificate checks of an HTTP backend are skipped. */
        public Builder insecureSkipVerification(boolean insecureSkipVerification) {
            this.insecureSkipVerification = insecureSkipVerification;
            return this;
        }

        /** Sets how the response is sent to the client. */
        public Builder responseTransferMode(ResponseTransferMode responseTransferMode) {
            this.responseTransferMode = Objects.requireNonNull(responseTransferMode);
            return this;
        }

        /** Sets the ALB or NLB listener of a private integration. */
        public Builder integrationTarget(String integrationTarget) {
            this.integrationTarget = integrationTarget;
            return this;
        }

        /** Replaces the integration responses. */
        public Builder integrationResponses(Map<String, IntegrationResponse> responses) {
            this.integrationResponses = new LinkedHashMap<>(responses);
            return this;
        }

        /** Adds an integration response, keyed by its status code. */
        public Builder integrationResponse(IntegrationResponse response) {
            integrationResponses.put(response.statusCode(), response);
            return this;
        }

        /** Builds and adds an integration response for a status code. */
        public Builder integrationResponse(
                String statusCode, Consumer<IntegrationResponse.Builder> spec) {
            IntegrationResponse.Builder b = IntegrationResponse.builder().statusCode(statusCode);
            spec.accept(b);
            try {
                return integrationResponse(b.build());
            } catch (IllegalArgumentException e) {
                throw Checks.at("integration response " + statusCode, e);
            }
        }

        /** Validates and builds; fails naming the field. */
        public Integration build() {
            return new Integration(this);
        }
    }
}
