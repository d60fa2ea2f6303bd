package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A REST API authorizer: a Lambda TOKEN or REQUEST authorizer or a Cognito user pool (reference
 * sections 8.3 and 8.4).
 */
public final class Authorizer {
    private final String id;
    private final String name;
    private final AuthorizerType type;
    private final String authorizerUri;
    private final String authorizerCredentials;
    private final String identitySource;
    private final String identityValidationExpression;
    private final int authorizerResultTtlInSeconds;
    private final List<String> providerArns;
    private final String authType;

    private Authorizer(Builder b) {
        this.name = Checks.requireText(b.name, "authorizer name");
        this.id = b.id != null ? b.id : StableIds.of("authorizer:" + name, 6);
        this.type =
                Objects.requireNonNull(b.type, () -> "authorizer " + name + ": type is required");
        this.authorizerUri = b.authorizerUri;
        if (type != AuthorizerType.COGNITO_USER_POOLS && authorizerUri == null) {
            throw new IllegalArgumentException(
                    "authorizer " + name + ": authorizerUri is required");
        }
        this.authorizerCredentials = b.authorizerCredentials;
        this.identitySource = b.identitySource;
        this.identityValidationExpression = b.identityValidationExpression;
        Checks.requireRange(
                b.authorizerResultTtlInSeconds,
                0,
                3600,
                "authorizer " + name + " authorizerResultTtlInSeconds");
        this.authorizerResultTtlInSeconds = b.authorizerResultTtlInSeconds;
        this.providerArns = Copies.list(b.providerArns);
        this.authType = b.authType;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this authorizer's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy built from {@link #toBuilder()} with the changes the consumer makes, e.g.
     * {@code authorizer.copy(b -> b.authorizerResultTtlInSeconds(0))}; this instance does not
     * change.
     */
    public Authorizer copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the authorizer id. */
    public String id() {
        return id;
    }

    /** Returns the authorizer name. */
    public String name() {
        return name;
    }

    /** Returns the authorizer type. */
    public AuthorizerType type() {
        return type;
    }

    /** Returns the Lambda invocation URI of a TOKEN or REQUEST authorizer. */
    public Optional<String> authorizerUri() {
        return Optional.ofNullable(authorizerUri);
    }

    /** Returns the role API Gateway assumes to call the authorizer, if set. */
    public Optional<String> authorizerCredentials() {
        return Optional.ofNullable(authorizerCredentials);
    }

    /** Returns the identity sources, e.g. {@code method.request.header.Authorization}. */
    public Optional<String> identitySource() {
        return Optional.ofNullable(identitySource);
    }

    /** Returns the TOKEN authorizer's validation regular expression, if set. */
    public Optional<String> identityValidationExpression() {
        return Optional.ofNullable(identityValidationExpression);
    }

    /** Returns how long results are cached, 0 to 3600 seconds (default 300). */
    public int authorizerResultTtlInSeconds() {
        return authorizerResultTtlInSeconds;
    }

    /** Returns the Cognito user pool ARNs. */
    public List<String> providerArns() {
        return providerArns;
    }

    /** Returns the free-form {@code x-amazon-apigateway-authtype} label, if set. */
    public Optional<String> authType() {
        return Optional.ofNullable(authType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Authorizer a
                && id.equals(a.id)
                && name.equals(a.name)
                && type == a.type
                && Objects.equals(authorizerUri, a.authorizerUri)
                && Objects.equals(authorizerCredentials, a.authorizerCredentials)
                && Objects.equals(identitySource, a.identitySource)
                && Objects.equals(identityValidationExpression, a.identityValidationExpression)
                && authorizerResultTtlInSeconds == a.authorizerResultTtlInSeconds
                && providerArns.equals(a.providerArns)
                && Objects.equals(authType, a.authType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, type, authorizerUri, identitySource);
    }

    @Override
    public String toString() {
        return "Authorizer[" + name + ", " + type + "]";
    }

    /** Builds an {@link Authorizer}. */
    public static final class Builder {
        private String id;
        private String name;
        private AuthorizerType type;
        private String authorizerUri;
        private String authorizerCredentials;
        private String identitySource;
        private String identityValidationExpression;
        private int authorizerResultTtlInSeconds = 300;
        private List<String> providerArns = new ArrayList<>();
        private String authType;

        private Builder() {}

        private Builder(Authorizer a) {
            id = a.id;
            name = a.name;
            type = a.type;
            authorizerUri = a.authorizerUri;
            authorizerCredentials = a.authorizerCredentials;
            identitySource = a.identitySource;
            identityValidationExpression = a.identityValidationExpression;
            authorizerResultTtlInSeconds = a.authorizerResultTtlInSeconds;
            providerArns = new ArrayList<>(a.providerArns);
            authType = a.authType;
        }

        /** Sets the id (by default derived from the name). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the type. */
        public Builder type(AuthorizerType type) {
            this.type = type;
            return this;
        }

        /** Sets the Lambda invocation URI. */
        public Builder authorizerUri(String authorizerUri) {
            this.authorizerUri = authorizerUri;
            return this;
        }

        /** Sets the role to assume. */
        public Builder authorizerCredentials(String authorizerCredentials) {
            this.authorizerCredentials = authorizerCredentials;
            return this;
        }

        /** Sets the identity sources (comma-separated). */
        public Builder identitySource(String identitySource) {
            this.identitySource = identitySource;
            return this;
        }

        /** Sets the TOKEN validation expression. */
        public Builder identityValidationExpression(String identityValidationExpression) {
            this.identityValidationExpression = identityValidationExpression;
            return this;
        }

        /** Sets the result cache TTL in seconds. */
        public Builder authorizerResultTtlInSeconds(int seconds) {
            this.authorizerResultTtlInSeconds = seconds;
            return this;
        }

        /** Replaces the Cognito user pool ARNs. */
        public Builder providerArns(List<String> providerArns) {
            this.providerArns = new ArrayList<>(providerArns);
            return this;
        }

        /** Sets the auth type label. */
        public Builder authType(String authType) {
            this.authType = authType;
            return this;
        }

        /** Validates and builds. */
        public Authorizer build() {
            return new Authorizer(this);
        }
    }
}
