package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A WebSocket API integration (reference sections 2.6, 5.4, 6, 7.3): a Lambda proxy ({@code
 * AWS_PROXY}), an AWS service or a Lambda function without the proxy event ({@code AWS}), an HTTP
 * backend ({@code HTTP}, {@code HTTP_PROXY}) or no backend ({@code MOCK}). Non-proxy integrations
 * transform the message with request templates chosen by the {@code templateSelectionExpression},
 * and the answer with the integration responses chosen by the {@code
 * integrationResponseSelectionExpression}.
 *
 * @param integrationId the integration's id, routes name it
 * @param integrationType {@code AWS_PROXY}, {@code AWS}, {@code HTTP}, {@code HTTP_PROXY} or {@code
 *     MOCK}
 * @param integrationUri the Lambda function or service (ARN or invocation URI) or the HTTP URL;
 *     empty for {@code MOCK}
 * @param integrationMethod the HTTP method used to call the backend
 * @param credentialsArn the role API Gateway assumes, descriptive here
 * @param passthroughBehavior what happens to a message no request template matches (reference 6.2),
 *     by default {@code WHEN_NO_MATCH}
 * @param contentHandlingStrategy how the payload is converted, if at all (reference 6.3)
 * @param requestParameters mappings of {@code integration.request.{header|querystring|path}.NAME}
 *     from the sources of reference 5.4
 * @param requestTemplates mapping templates by the key the template selection expression gives
 * @param templateSelectionExpression selects the request template ({@code ${request.body.X}},
 *     static text, {@code \$default})
 * @param timeoutInMillis 50 to 29,000, by default 29,000 (reference 9.5)
 * @param integrationResponseSelectionExpression selects the integration response ({@code
 *     ${integration.response.statuscode}})
 * @param integrationResponses the integration responses by key
 * @param connectionType {@code INTERNET} or {@code VPC_LINK}
 * @param connectionId the VPC link of a private integration
 * @param description a description
 */
public record WebSocketIntegration(
        String integrationId,
        IntegrationType integrationType,
        Optional<String> integrationUri,
        Optional<String> integrationMethod,
        Optional<String> credentialsArn,
        PassthroughBehavior passthroughBehavior,
        Optional<ContentHandlingStrategy> contentHandlingStrategy,
        Map<String, String> requestParameters,
        Map<String, String> requestTemplates,
        Optional<SelectionExpression> templateSelectionExpression,
        int timeoutInMillis,
        Optional<SelectionExpression> integrationResponseSelectionExpression,
        Map<String, WebSocketIntegrationResponse> integrationResponses,
        ConnectionType connectionType,
        Optional<String> connectionId,
        Optional<String> description) {
    /** The default and largest integration timeout of WebSocket APIs (reference 9.5). */
    public static final int MAX_TIMEOUT_MILLIS = 29_000;

    private static final Pattern TARGET =
            Pattern.compile("integration\\.request\\.(header|querystring|path)\\.[^.\\s]+");
    private static final Pattern CONNECT_ONLY_SOURCE =
            Pattern.compile(
                    "route\\.request\\.(header|querystring|multivalueheader|multivaluequerystring)"
                            + "\\.[^.\\s]+");
    private static final Pattern SOURCE =
            Pattern.compile(
                    "route\\.request\\.body(\\..+)?|stageVariables\\.[^.\\s]+|context\\..+"
                            + "|'[^']*'");

    /** Validates and copies; fails naming the integration. */
    public WebSocketIntegration {
        Checks.requireText(integrationId, "integration id");
        String place = "integration " + integrationId + ": ";
        Objects.requireNonNull(integrationType, place + "integrationType is required");
        Objects.requireNonNull(integrationUri);
        Objects.requireNonNull(integrationMethod);
        Objects.requireNonNull(credentialsArn);
        Objects.requireNonNull(passthroughBehavior);
        Objects.requireNonNull(contentHandlingStrategy);
        requestParameters = Copies.orderedMap(requestParameters);
        requestTemplates = Copies.orderedMap(requestTemplates);
        Objects.requireNonNull(templateSelectionExpression);
        Objects.requireNonNull(integrationResponseSelectionExpression);
        integrationResponses = Copies.orderedMap(integrationResponses);
        Objects.requireNonNull(connectionType);
        Objects.requireNonNull(connectionId);
        Objects.requireNonNull(description);
        try {
            Checks.requireRange(timeoutInMillis, 50, MAX_TIMEOUT_MILLIS, "timeoutInMillis");
        } catch (IllegalArgumentException e) {
            throw Checks.at("integration " + integrationId, e);
        }
        if (integrationType != IntegrationType.MOCK
                && integrationUri.filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalArgumentException(place + "integrationUri is required");
        }
        boolean http =
                integrationType == IntegrationType.HTTP
                        || integrationType == IntegrationType.HTTP_PROXY;
        if (http && integrationMethod.isEmpty()) {
            throw new IllegalArgumentException(place + "integrationMethod is required");
        }
        requestParameters.forEach((target, source) -> checkMapping(place, target, source));
        integrationResponses.forEach(
                (key, response) -> {
                    if (!key.equals(response.integrationResponseKey())) {
                        throw new IllegalArgumentException(
                                place + "integration response " + key + " is keyed by another key");
                    }
                });
    }

    private static void checkMapping(String place, String target, String source) {
        if (!TARGET.matcher(target).matches()) {
            throw new IllegalArgumentException(
                    place
                            + "request parameter "
                            + target
                            + " must be integration.request.header.NAME,"
                            + " integration.request.querystring.NAME or"
                            + " integration.request.path.NAME");
        }
        if (!CONNECT_ONLY_SOURCE.matcher(source).matches() && !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException(
                    place
                            + "request parameter "
                            + target
                            + ": the source "
                            + source
                            + " must be route.request.header.NAME,"
                            + " route.request.querystring.NAME,"
                            + " route.request.multivalueheader.NAME,"
                            + " route.request.multivaluequerystring.NAME,"
                            + " route.request.body.JSONPATH, stageVariables.NAME, context.NAME or"
                            + " a 'static' value");
        }
    }

    /**
     * Returns the mapping sources only a {@code $connect} route has ({@code route.request.header},
     * {@code querystring} and their multi-value forms, reference 5.4), in order.
     */
    public List<String> connectOnlySources() {
        return requestParameters.values().stream()
                .filter(s -> CONNECT_ONLY_SOURCE.matcher(s).matches())
                .collect(Collectors.toUnmodifiableList());
    }

    /** Returns a builder for the integration {@code integrationId}. */
    public static Builder builder(String integrationId) {
        return new Builder(integrationId);
    }

    /** Returns a builder holding this integration. */
    public Builder toBuilder() {
        Builder b = new Builder(integrationId);
        b.integrationType = integrationType;
        b.integrationUri = integrationUri.orElse(null);
        b.integrationMethod = integrationMethod.orElse(null);
        b.credentialsArn = credentialsArn.orElse(null);
        b.passthroughBehavior = passthroughBehavior;
        b.contentHandlingStrategy = contentHandlingStrategy.orElse(null);
        b.requestParameters = new LinkedHashMap<>(requestParameters);
        b.requestTemplates = new LinkedHashMap<>(requestTemplates);
        b.templateSelectionExpression =
                templateSelectionExpression.map(Object::toString).orElse(null);
        b.timeoutInMillis = timeoutInMillis;
        b.integrationResponseSelectionExpression =
                integrationResponseSelectionExpression.map(Object::toString).orElse(null);
        b.integrationResponses = new LinkedHashMap<>(integrationResponses);
        b.connectionType = connectionType;
        b.connectionId = connectionId.orElse(null);
        b.description = description.orElse(null);
        return b;
    }

    /** Builds {@link WebSocketIntegration}. */
    public static final class Builder {
        private final String integrationId;
        private IntegrationType integrationType;
        private String integrationUri;
        private String integrationMethod;
        private String credentialsArn;
        private PassthroughBehavior passthroughBehavior = PassthroughBehavior.WHEN_NO_MATCH;
        private ContentHandlingStrategy contentHandlingStrategy;
        private Map<String, String> requestParameters = new LinkedHashMap<>();
        private Map<String, String> requestTemplates = new LinkedHashMap<>();
        private String templateSelectionExpression;
        private int timeoutInMillis = MAX_TIMEOUT_MILLIS;
        private String integrationResponseSelectionExpression;
        private Map<String, WebSocketIntegrationResponse> integrationResponses =
                new LinkedHashMap<>();
        private ConnectionType connectionType = ConnectionType.INTERNET;
        private String connectionId;
        private String description;

        private Builder(String integrationId) {
            this.integrationId = integrationId;
        }

        /** Makes a Lambda proxy integration of {@code functionArnOrUri} (reference 2.6). */
        public Builder lambdaProxy(String functionArnOrUri) {
            this.integrationType = IntegrationType.AWS_PROXY;
            this.integrationUri = functionArnOrUri;
            this.integrationMethod = "POST";
            return this;
        }

        /** Makes a MOCK integration. */
        public Builder mock() {
            this.integrationType = IntegrationType.MOCK;
            return this;
        }

        /** Sets the integration type. */
        public Builder integrationType(IntegrationType integrationType) {
            this.integrationType = integrationType;
            return this;
        }

        /** Sets the URI: a Lambda function or service ARN or invocation URI, or an HTTP URL. */
        public Builder integrationUri(String integrationUri) {
            this.integrationUri = integrationUri;
            return this;
        }

        /** Sets the HTTP method used to call the backend. */
        public Builder integrationMethod(String integrationMethod) {
            this.integrationMethod = integrationMethod;
            return this;
        }

        /** Sets the role API Gateway assumes. */
        public Builder credentialsArn(String credentialsArn) {
            this.credentialsArn = credentialsArn;
            return this;
        }

        /** Sets what happens to a message no request template matches. */
        public Builder passthroughBehavior(PassthroughBehavior passthroughBehavior) {
            this.passthroughBehavior = passthroughBehavior;
            return this;
        }

        /** Sets how the payload is converted. */
        public Builder contentHandlingStrategy(ContentHandlingStrategy strategy) {
            this.contentHandlingStrategy = strategy;
            return this;
        }

        /** Replaces the request parameter mappings (target to source). */
        public Builder requestParameters(Map<String, String> requestParameters) {
            this.requestParameters = new LinkedHashMap<>(requestParameters);
            return this;
        }

        /** Adds one request parameter mapping. */
        public Builder requestParameter(String target, String source) {
            requestParameters.put(target, source);
            return this;
        }

        /** Replaces the request templates. */
        public Builder requestTemplates(Map<String, String> requestTemplates) {
            this.requestTemplates = new LinkedHashMap<>(requestTemplates);
            return this;
        }

        /** Sets one request template. */
        public Builder requestTemplate(String key, String template) {
            requestTemplates.put(key, template);
            return this;
        }

        /** Sets the template selection expression. */
        public Builder templateSelectionExpression(String expression) {
            this.templateSelectionExpression = expression;
            return this;
        }

        /** Sets the timeout, 50 to 29,000 ms. */
        public Builder timeoutInMillis(int timeoutInMillis) {
            this.timeoutInMillis = timeoutInMillis;
            return this;
        }

        /** Sets the integration response selection expression. */
        public Builder integrationResponseSelectionExpression(String expression) {
            this.integrationResponseSelectionExpression = expression;
            return this;
        }

        /** Adds or replaces an integration response, keyed by its key. */
        public Builder integrationResponse(WebSocketIntegrationResponse response) {
            integrationResponses.put(response.integrationResponseKey(), response);
            return this;
        }

        /** Sets the connection type. */
        public Builder connectionType(ConnectionType connectionType) {
            this.connectionType = connectionType;
            return this;
        }

        /** Sets the VPC link of a private integration. */
        public Builder connectionId(String connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Validates and builds; fails naming the integration. */
        public WebSocketIntegration build() {
            return new WebSocketIntegration(
                    integrationId,
                    integrationType,
                    Optional.ofNullable(integrationUri),
                    Optional.ofNullable(integrationMethod),
                    Optional.ofNullable(credentialsArn),
                    passthroughBehavior,
                    Optional.ofNullable(contentHandlingStrategy),
                    requestParameters,
                    requestTemplates,
                    expression(templateSelectionExpression, "templateSelectionExpression"),
                    timeoutInMillis,
                    expression(
                            integrationResponseSelectionExpression,
                            "integrationResponseSelectionExpression"),
                    integrationResponses,
                    connectionType,
                    Optional.ofNullable(connectionId),
                    Optional.ofNullable(description));
        }

        private Optional<SelectionExpression> expression(String text, String field) {
            try {
                return Optional.ofNullable(text).map(SelectionExpression::parse);
            } catch (IllegalArgumentException e) {
                throw Checks.at("integration " + integrationId + " " + field, e);
            }
        }
    }
}
