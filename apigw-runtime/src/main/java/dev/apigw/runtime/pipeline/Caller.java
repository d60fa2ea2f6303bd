package dev.apigw.runtime.pipeline;

import dev.apigw.model.ApiKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, as the security steps established it (reference 8.1): the IAM identity of a
 * signed request (reference 8.7), what a Lambda or Cognito authorizer returned (reference 8.3,
 * 8.4), and the API key a method required (reference 8.2). {@link #ANONYMOUS} until a step
 * establishes something.
 *
 * @param apiKey the caller's valid API key, or null
 * @param iam the verified IAM caller, or null
 * @param authorizer what the method's authorizer returned, or null
 */
public record Caller(ApiKey apiKey, IamIdentity iam, AuthorizerOutput authorizer) {
    /** A caller about whom nothing is established. */
    public static final Caller ANONYMOUS = new Caller(null, null, null);

    /** Returns a copy with the caller's API key. */
    public Caller withApiKey(ApiKey apiKey) {
        return new Caller(Objects.requireNonNull(apiKey), iam, authorizer);
    }

    /** Returns a copy with the verified IAM caller. */
    public Caller withIam(IamIdentity iam) {
        return new Caller(apiKey, Objects.requireNonNull(iam), authorizer);
    }

    /** Returns a copy with the authorizer's output. */
    public Caller withAuthorizer(AuthorizerOutput authorizer) {
        return new Caller(apiKey, iam, Objects.requireNonNull(authorizer));
    }

    /** Returns the API key, if a step established one. */
    public Optional<ApiKey> key() {
        return Optional.ofNullable(apiKey);
    }

    /** Returns the verified IAM caller, if the method is {@code AWS_IAM}. */
    public Optional<IamIdentity> iamIdentity() {
        return Optional.ofNullable(iam);
    }

    /** Returns the authorizer's output, if a Lambda or Cognito authorizer ran. */
    public Optional<AuthorizerOutput> authorizerOutput() {
        return Optional.ofNullable(authorizer);
    }
}
