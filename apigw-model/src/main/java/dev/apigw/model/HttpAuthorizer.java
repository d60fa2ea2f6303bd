package dev.apigw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP API authorizer: a JWT authorizer (reference section 8.5) or a Lambda authorizer of type
 * {@code REQUEST} (reference 8.6).
 *
 * @param authorizerId the authorizer's id, routes name it
 * @param name the authorizer's name
 * @param authorizerType {@code JWT} or {@code REQUEST}
 * @param identitySource where the identity is read: {@code $request.header.X}, {@code
 *     $request.querystring.X}, {@code $context.X}, {@code $stageVariables.X}
 * @param jwtConfiguration the issuer and audiences of a JWT authorizer
 * @param authorizerUri the Lambda function (ARN or invocation URI) of a REQUEST authorizer
 * @param authorizerPayloadFormatVersion {@code 1.0} or {@code 2.0} for a REQUEST authorizer
 * @param enableSimpleResponses whether a 2.0 Lambda authorizer answers {@code isAuthorized}
 * @param authorizerResultTtlInSeconds how long a Lambda authorizer's answer is cached, 0 to 3600
 * @param authorizerCredentialsArn the role API Gateway assumes to call the function, descriptive
 */
public record HttpAuthorizer(
        String authorizerId,
        String name,
        HttpAuthorizerType authorizerType,
        List<String> identitySource,
        Optional<JwtConfiguration> jwtConfiguration,
        Optional<String> authorizerUri,
        Optional<String> authorizerPayloadFormatVersion,
        boolean enableSimpleResponses,
        int authorizerResultTtlInSeconds,
        Optional<String> authorizerCredentialsArn) {
    /** Validates and copies; fails naming the authorizer. */
    public HttpAuthorizer {
        Checks.requireText(authorizerId, "authorizer id");
        String place = "authorizer " + name + ": ";
        Checks.requireText(name, "authorizer " + authorizerId + " name");
        Objects.requireNonNull(authorizerType, place + "authorizerType is required");
        identitySource = Copies.list(identitySource);
        Objects.requireNonNull(jwtConfiguration);
        Objects.requireNonNull(authorizerUri);
        Objects.requireNonNull(authorizerPayloadFormatVersion);
        Objects.requireNonNull(authorizerCredentialsArn);
        for (String source : identitySource) {
            if (!source.startsWith("$request.header.")
                    && !source.startsWith("$request.querystring.")
                    && !source.startsWith("$context.")
                    && !source.startsWith("$stageVariables.")) {
                throw new IllegalArgumentException(
                        place
                                + "identitySource "
                                + source
                                + " must be $request.header.*, $request.querystring.*,"
                                + " $context.* or $stageVariables.*");
            }
        }
        if (authorizerType == HttpAuthorizerType.JWT) {
            if (jwtConfiguration.isEmpty()) {
                throw new IllegalArgumentException(
                        place + "a JWT authorizer needs a jwtConfiguration with an issuer");
            }
            if (identitySource.size() != 1) {
                throw new IllegalArgumentException(
                        place + "a JWT authorizer takes exactly one identitySource");
            }
        } else {
            if (authorizerUri.isEmpty() || authorizerUri.get().isBlank()) {
                throw new IllegalArgumentException(
                        place + "a REQUEST authorizer needs an authorizerUri");
            }
            String version = authorizerPayloadFormatVersion.orElse("");
            if (!version.equals("1.0") && !version.equals("2.0")) {
                throw new IllegalArgumentException(
                        place + "authorizerPayloadFormatVersion must be 1.0 or 2.0");
            }
            if (enableSimpleResponses && !version.equals("2.0")) {
                throw new IllegalArgumentException(
                        place + "enableSimpleResponses needs authorizerPayloadFormatVersion 2.0");
            }
        }
        try {
            Checks.requireRange(
                    authorizerResultTtlInSeconds, 0, 3600, "authorizerResultTtlInSeconds");
        } catch (IllegalArgumentException e) {
            throw Checks.at("authorizer " + name, e);
        }
        if (authorizerResultTtlInSeconds > 0 && identitySource.isEmpty()) {
            throw new IllegalArgumentException(
                    place + "caching (authorizerResultTtlInSeconds) needs an identitySource");
        }
    }

    /**
     * Returns a builder for a JWT authorizer accepting tokens of {@code issuer} for {@code
     * audience}.
     */
    public static Builder jwt(String name, String issuer, String... audience) {
        Builder b = new Builder(name);
        b.authorizerType = HttpAuthorizerType.JWT;
        b.jwtConfiguration = new JwtConfiguration(issuer, List.of(audience));
        b.identitySource = new ArrayList<>(List.of("$request.header.Authorization"));
        return b;
    }

    /** Returns a builder for a Lambda (REQUEST) authorizer calling {@code functionArnOrUri}. */
    public static Builder lambda(
            String name, String functionArnOrUri, String payloadFormatVersion) {
        Builder b = new Builder(name);
        b.authorizerType = HttpAuthorizerType.REQUEST;
        b.authorizerUri = functionArnOrUri;
        b.authorizerPayloadFormatVersion = payloadFormatVersion;
        return b;
    }

    /** Returns a builder for the authorizer {@code name}, type to be set. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Returns a builder holding this authorizer. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.authorizerId = authorizerId;
        b.authorizerType = authorizerType;
        b.identitySource = new ArrayList<>(identitySource);
        b.jwtConfiguration = jwtConfiguration.orElse(null);
        b.authorizerUri = authorizerUri.orElse(null);
        b.authorizerPayloadFormatVersion = authorizerPayloadFormatVersion.orElse(null);
        b.enableSimpleResponses = enableSimpleResponses;
        b.authorizerResultTtlInSeconds = authorizerResultTtlInSeconds;
        b.authorizerCredentialsArn = authorizerCredentialsArn.orElse(null);
        return b;
    }

    /** Builds {@link HttpAuthorizer}. */
    public static final class Builder {
        private final String name;
        private String authorizerId;
        private HttpAuthorizerType authorizerType;
        private List<String> identitySource = new ArrayList<>();
        private JwtConfiguration jwtConfiguration;
        private String authorizerUri;
        private String authorizerPayloadFormatVersion;
        private boolean enableSimpleResponses;
        private int authorizerResultTtlInSeconds;
        private String authorizerCredentialsArn;

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the id (by default the name). */
        public Builder authorizerId(String authorizerId) {
            this.authorizerId = authorizerId;
            return this;
        }

        /** Sets the type. */
        public Builder authorizerType(HttpAuthorizerType authorizerType) {
            this.authorizerType = authorizerType;
            return this;
        }

        /** Replaces the identity sources. */
        public Builder identitySource(List<String> identitySource) {
            this.identitySource = new ArrayList<>(identitySource);
            return this;
        }

        /** Sets the issuer and audiences of a JWT authorizer. */
        public Builder jwtConfiguration(JwtConfiguration jwtConfiguration) {
            this.jwtConfiguration = jwtConfiguration;
            return this;
        }

        /** Sets the Lambda function of a REQUEST authorizer. */
        public Builder authorizerUri(String authorizerUri) {
            this.authorizerUri = authorizerUri;
            return this;
        }

        /** Sets the payload format of a REQUEST authorizer, {@code 1.0} or {@code 2.0}. */
        public Builder authorizerPayloadFormatVersion(String version) {
            this.authorizerPayloadFormatVersion = version;
            return this;
        }

        /** Sets whether a 2.0 Lambda authorizer answers {@code {"isAuthorized": ...}}. */
        public Builder enableSimpleResponses(boolean enableSimpleResponses) {
            this.enableSimpleResponses = enableSimpleResponses;
            return this;
        }

        /** Sets how long a Lambda authorizer's answer is cached, 0 to 3600 seconds. */
        public Builder authorizerResultTtlInSeconds(int seconds) {
            this.authorizerResultTtlInSeconds = seconds;
            return this;
        }

        /** Sets the role API Gateway assumes to call the function. */
        public Builder authorizerCredentialsArn(String arn) {
            this.authorizerCredentialsArn = arn;
            return this;
        }

        /** Validates and builds; fails naming the authorizer. */
        public HttpAuthorizer build() {
            return new HttpAuthorizer(
                    authorizerId != null ? authorizerId : name,
                    name,
                    authorizerType,
                    identitySource,
                    Optional.ofNullable(jwtConfiguration),
                    Optional.ofNullable(authorizerUri),
                    Optional.ofNullable(authorizerPayloadFormatVersion),
                    enableSimpleResponses,
                    authorizerResultTtlInSeconds,
                    Optional.ofNullable(authorizerCredentialsArn));
        }
    }
}
