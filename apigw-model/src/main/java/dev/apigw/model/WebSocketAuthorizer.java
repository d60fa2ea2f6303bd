package dev.apigw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WebSocket API authorizer (reference sections 7.3, 8.3): a Lambda function of type {@code
 * REQUEST}, run on {@code $connect} only, given the upgrade request's headers and query string. The
 * identity sources are read from the upgrade request; a missing one refuses the connection without
 * calling the function.
 *
 * @param authorizerId the authorizer's id, the {@code $connect} route names it
 * @param name the authorizer's name
 * @param authorizerUri the Lambda function (ARN or invocation URI)
 * @param identitySource where the identity is read: {@code route.request.header.X}, {@code
 *     route.request.querystring.X}, {@code stageVariables.X}, {@code context.X}
 * @param authorizerCredentialsArn the role API Gateway assumes to call the function, descriptive
 */
public record WebSocketAuthorizer(
        String authorizerId,
        String name,
        String authorizerUri,
        List<String> identitySource,
        Optional<String> authorizerCredentialsArn) {
    /** The only authorizer type of WebSocket APIs. */
    public static final String AUTHORIZER_TYPE = "REQUEST";

    private static final Pattern SOURCE =
            Pattern.compile(
                    "route\\.request\\.(header|querystring)\\.[^.\\s]+"
                            + "|stageVariables\\.[^.\\s]+|context\\.[^\\s]+");

    /** Validates and copies; fails naming the authorizer. */
    public WebSocketAuthorizer {
        Checks.requireText(authorizerId, "authorizer id");
        Checks.requireText(name, "authorizer " + authorizerId + " name");
        String place = "authorizer " + name + ": ";
        Checks.requireText(authorizerUri, place + "authorizerUri");
        identitySource = Copies.list(identitySource);
        Objects.requireNonNull(authorizerCredentialsArn);
        for (String source : identitySource) {
            if (!SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException(
                        place
                                + "identitySource "
                                + source
                                + " must be route.request.header.NAME,"
                                + " route.request.querystring.NAME, stageVariables.NAME or"
                                + " context.NAME");
            }
        }
    }

    /** Returns {@code REQUEST}, the only type (reference 8.3). */
    public String authorizerType() {
        return AUTHORIZER_TYPE;
    }

    /**
     * Returns a builder for the Lambda authorizer {@code name} calling {@code functionArnOrUri}.
     */
    public static Builder lambda(String name, String functionArnOrUri) {
        Builder b = new Builder(name);
        b.authorizerUri = functionArnOrUri;
        return b;
    }

    /** Returns a builder holding this authorizer. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.authorizerId = authorizerId;
        b.authorizerUri = authorizerUri;
        b.identitySource = new ArrayList<>(identitySource);
        b.authorizerCredentialsArn = authorizerCredentialsArn.orElse(null);
        return b;
    }

    /** Builds {@link WebSocketAuthorizer}. */
    public static final class Builder {
        private final String name;
        private String authorizerId;
        private String authorizerUri;
        private List<String> identitySource = new ArrayList<>();
        private String authorizerCredentialsArn;

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the id (by default the name). */
        public Builder authorizerId(String authorizerId) {
            this.authorizerId = authorizerId;
            return this;
        }

        /** Sets the Lambda function. */
        public Builder authorizerUri(String authorizerUri) {
            this.authorizerUri = authorizerUri;
            return this;
        }

        /** Replaces the identity sources. */
        public Builder identitySource(List<String> identitySource) {
            this.identitySource = new ArrayList<>(identitySource);
            return this;
        }

        /** Replaces the identity sources. */
        public Builder identitySource(String... identitySource) {
            return identitySource(List.of(identitySource));
        }

        /** Sets the role API Gateway assumes to call the function. */
        public Builder authorizerCredentialsArn(String arn) {
            this.authorizerCredentialsArn = arn;
            return this;
        }

        /** Validates and builds; fails naming the authorizer. */
        public WebSocketAuthorizer build() {
            return new WebSocketAuthorizer(
                    authorizerId != null ? authorizerId : name,
                    name,
                    authorizerUri,
                    identitySource,
                    Optional.ofNullable(authorizerCredentialsArn));
        }
    }
}
