package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP API integration (reference sections 2.3 to 2.5, 4.2, 5.5, 11.1): a Lambda proxy ({@code
 * AWS_PROXY} with payload format 1.0 or 2.0), an AWS service action ({@code AWS_PROXY} with an
 * {@link IntegrationSubtype}), or an HTTP proxy ({@code HTTP_PROXY}).
 *
 * @param integrationId the integration's id, routes name it
 * @param integrationType {@code AWS_PROXY} or {@code HTTP_PROXY}
 * @param integrationUri the Lambda function (ARN or invocation URI) or the HTTP URL; empty for a
 *     service action
 * @param integrationMethod the HTTP method of an HTTP proxy ({@code ANY} forwards the caller's)
 * @param payloadFormatVersion {@code 1.0} or {@code 2.0} for a Lambda proxy, {@code 1.0} otherwise
 * @param integrationSubtype the AWS service action, for {@code AWS_PROXY} without a URI
 * @param requestParameters parameter mappings (reference 5.5) or, for a service action, the
 *     action's parameters
 * @param responseParameters response mappings by status code (reference 5.5)
 * @param timeoutInMillis 50 to 30,000, by default 30,000
 * @param credentialsArn the role API Gateway assumes, descriptive here
 * @param connectionType {@code INTERNET} or {@code VPC_LINK}
 * @param connectionId the VPC link of a private integration
 * @param description a description
 */
public record HttpIntegration(
        String integrationId,
        IntegrationType integrationType,
        Optional<String> integrationUri,
        Optional<String> integrationMethod,
        String payloadFormatVersion,
        Optional<IntegrationSubtype> integrationSubtype,
        Map<String, String> requestParameters,
        Map<String, Map<String, String>> responseParameters,
        int timeoutInMillis,
        Optional<String> credentialsArn,
        ConnectionType connectionType,
        Optional<String> connectionId,
        Optional<String> description) {
    /** The default and largest integration timeout of HTTP APIs (reference 4.2, 9.5). */
    public static final int MAX_TIMEOUT_MILLIS = 30_000;

    /** Validates and copies; fails naming the integration. */
    public HttpIntegration {
        Checks.requireText(integrationId, "integration id");
        String place = "integration " + integrationId + ": ";
        Objects.requireNonNull(integrationType, place + "integrationType is required");
        if (integrationType != IntegrationType.AWS_PROXY
                && integrationType != IntegrationType.HTTP_PROXY) {
            throw new IllegalArgumentException(
                    place
                            + "integrationType "
                            + integrationType
                            + " is not supported by HTTP APIs (AWS_PROXY or HTTP_PROXY)");
        }
        Objects.requireNonNull(integrationUri);
        Objects.requireNonNull(integrationMethod);
        Objects.requireNonNull(integrationSubtype);
        requestParameters = Copies.orderedMap(requestParameters);
        Map<String, Map<String, String>> responses = new LinkedHashMap<>();
        responseParameters.forEach((status, map) -> responses.put(status, Copies.orderedMap(map)));
        responseParameters = Copies.orderedMap(responses);
        try {
            Checks.requireRange(timeoutInMillis, 50, MAX_TIMEOUT_MILLIS, "timeoutInMillis");
        } catch (IllegalArgumentException e) {
            throw Checks.at("integration " + integrationId, e);
        }
        Objects.requireNonNull(credentialsArn);
        Objects.requireNonNull(connectionType);
        Objects.requireNonNull(connectionId);
        Objects.requireNonNull(description);
        if (!payloadFormatVersion.equals("1.0") && !payloadFormatVersion.equals("2.0")) {
            throw new IllegalArgumentException(
                    place + "payloadFormatVersion must be 1.0 or 2.0, was " + payloadFormatVersion);
        }
        if (integrationSubtype.isPresent()) {
            if (integrationType != IntegrationType.AWS_PROXY) {
                throw new IllegalArgumentException(
                        place + "integrationSubtype needs integrationType AWS_PROXY");
            }
            if (!payloadFormatVersion.equals("1.0")) {
                throw new IllegalArgumentException(
                        place + "an AWS service integration takes payloadFormatVersion 1.0");
            }
            SubtypeParameters.check(integrationId, integrationSubtype.get(), requestParameters);
        } else if (integrationUri.isEmpty() || integrationUri.get().isBlank()) {
            throw new IllegalArgumentException(place + "integrationUri is required");
        }
        if (integrationType == IntegrationType.HTTP_PROXY) {
            if (!payloadFormatVersion.equals("1.0")) {
                throw new IllegalArgumentException(
                        place + "an HTTP_PROXY integration takes payloadFormatVersion 1.0");
            }
            if (integrationMethod.isEmpty()) {
                throw new IllegalArgumentException(place + "integrationMethod is required");
            }
        }
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
        b.payloadFormatVersion = payloadFormatVersion;
        b.integrationSubtype = integrationSubtype.orElse(null);
        b.requestParameters = new LinkedHashMap<>(requestParameters);
        b.responseParameters = new LinkedHashMap<>(responseParameters);
        b.timeoutInMillis = timeoutInMillis;
        b.credentialsArn = credentialsArn.orElse(null);
        b.connectionType = connectionType;
        b.connectionId = connectionId.orElse(null);
        b.description = description.orElse(null);
        return b;
    }

    /** Builds {@link HttpIntegration}. */
    public static final class Builder {
        private final String integrationId;
        private IntegrationType integrationType;
        private String integrationUri;
        private String integrationMethod;
        private String payloadFormatVersion;
        private IntegrationSubtype integrationSubtype;
        private Map<String, String> requestParameters = new LinkedHashMap<>();
        private Map<String, Map<String, String>> responseParameters = new LinkedHashMap<>();
        private int timeoutInMillis = MAX_TIMEOUT_MILLIS;
        private String credentialsArn;
        private ConnectionType connectionType = ConnectionType.INTERNET;
        private String connectionId;
        private String description;

        private Builder(String integrationId) {
            this.integrationId = integrationId;
        }

        /** Makes a Lambda proxy integration of {@code functionArnOrUri}, payload format 2.0. */
        public Builder lambdaProxy(String functionArnOrUri) {
            this.integrationType = IntegrationType.AWS_PROXY;
            this.integrationUri = functionArnOrUri;
            this.integrationMethod = "POST";
            return this;
        }

        /**
         * Makes an HTTP proxy integration sending {@code method} ({@code ANY}: the caller's) to
         * {@code url}.
         */
        public Builder httpProxy(String method, String url) {
            this.integrationType = IntegrationType.HTTP_PROXY;
            this.integrationMethod = method;
            this.integrationUri = url;
            return this;
        }

        /** Makes an AWS service integration calling {@code subtype} with {@code parameters}. */
        public Builder awsService(IntegrationSubtype subtype, Map<String, String> parameters) {
            this.integrationType = IntegrationType.AWS_PROXY;
            this.integrationSubtype = subtype;
            this.requestParameters = new LinkedHashMap<>(parameters);
            return this;
        }

        /** Sets the integration type. */
        public Builder integrationType(IntegrationType integrationType) {
            this.integrationType = integrationType;
            return this;
        }

        /** Sets the URI: a Lambda function ARN or invocation URI, or an HTTP URL. */
        public Builder integrationUri(String integrationUri) {
            this.integrationUri = integrationUri;
            return this;
        }

        /** Sets the HTTP method of an HTTP proxy ({@code ANY} forwards the caller's). */
        public Builder integrationMethod(String integrationMethod) {
            this.integrationMethod = integrationMethod;
            return this;
        }

        /**
         * Sets the payload format, {@code 1.0} or {@code 2.0}; by default {@code 2.0} for a Lambda
         * proxy and {@code 1.0} for the others.
         */
        public Builder payloadFormatVersion(String payloadFormatVersion) {
            this.payloadFormatVersion = payloadFormatVersion;
            return this;
        }

        /** Sets the AWS service action. */
        public Builder integrationSubtype(IntegrationSubtype integrationSubtype) {
            this.integrationSubtype = integrationSubtype;
            return this;
        }

        /** Replaces the request parameters (mappings, or a service action's parameters). */
        public Builder requestParameters(Map<String, String> requestParameters) {
            this.requestParameters = new LinkedHashMap<>(requestParameters);
            return this;
        }

        /** Adds one request parameter. */
        public Builder requestParameter(String key, String value) {
            requestParameters.put(key, value);
            return this;
        }

        /** Replaces the response mappings by status code. */
        public Builder responseParameters(Map<String, Map<String, String>> responseParameters) {
            this.responseParameters = new LinkedHashMap<>(responseParameters);
            return this;
        }

        /** Sets the response mappings of one status code ({@code "200"} to {@code "599"}). */
        public Builder responseParameters(String statusCode, Map<String, String> mappings) {
            responseParameters.put(statusCode, new LinkedHashMap<>(mappings));
            return this;
        }

        /** Sets the timeout, 50 to 30,000 ms. */
        public Builder timeoutInMillis(int timeoutInMillis) {
            this.timeoutInMillis = timeoutInMillis;
            return this;
        }

        /** Sets the role API Gateway assumes. */
        public Builder credentialsArn(String credentialsArn) {
            this.credentialsArn = credentialsArn;
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
        public HttpIntegration build() {
            String version = payloadFormatVersion;
            if (version == null) {
                boolean lambda =
                        integrationType == IntegrationType.AWS_PROXY && integrationSubtype == null;
                version = lambda ? "2.0" : "1.0";
            }
            return new HttpIntegration(
                    integrationId,
                    integrationType,
                    Optional.ofNullable(integrationUri),
                    Optional.ofNullable(integrationMethod),
                    version,
                    Optional.ofNullable(integrationSubtype),
                    requestParameters,
                    responseParameters,
                    timeoutInMillis,
                    Optional.ofNullable(credentialsArn),
                    connectionType,
                    Optional.ofNullable(connectionId),
                    Optional.ofNullable(description));
        }
    }
}
