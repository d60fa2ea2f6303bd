package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.CredentialsResolver;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host bound for one API: the Lambda functions its integrations and authorizers call, by
 * name, the HTTP backend, the AWS service backend, the IAM credentials it accepts and the key sets
 * of the Cognito user pools its authorizers name. The threads, clock and random source they run
 * with belong to the account ({@link dev.apigw.runtime.Gateway}). Internal.
 *
 * @param lambdas functions by name, or by {@code name:qualifier}
 * @param httpBackend the backend of HTTP integrations
 * @param awsServiceBackend the backend of AWS service integrations, or {@link
 *     #NO_AWS_SERVICE_BACKEND} when the host bound none
 * @param credentials the IAM credentials {@code AWS_IAM} methods accept (reference 8.7); {@link
 *     #NO_CREDENTIALS} when the host bound none
 * @param bindings what a feature needs of the host, under the feature's own key (the JSON Web Key
 *     Sets of the Cognito user pools, reference 8.4), so that this record names no feature
 */
public record Backends(
        Map<String, LambdaFunction> lambdas,
        HttpBackend httpBackend,
        AwsServiceBackend awsServiceBackend,
        CredentialsResolver credentials,
        Attributes bindings) {
    /** Stands for "no AWS service backend bound"; never called. */
    public static final AwsServiceBackend NO_AWS_SERVICE_BACKEND =
            request -> {
                throw new IllegalStateException("no AwsServiceBackend is bound");
            };

    /** Knows no access key: every signed request answers 403. */
    public static final CredentialsResolver NO_CREDENTIALS = accessKeyId -> Optional.empty();

    /** Checks and copies. */
    public Backends {
        lambdas = Map.copyOf(lambdas);
        Objects.requireNonNull(httpBackend);
        Objects.requireNonNull(awsServiceBackend);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(bindings);
    }

    /** Returns what the host bound for the feature of {@code key}, if anything. */
    public <T> Optional<T> binding(AttributeKey<T> key) {
        return bindings.get(key);
    }

    /** Returns the function bound to {@code name:qualifier}, else to {@code name}. */
    public Optional<LambdaFunction> lambda(String name, String qualifier) {
        LambdaFunction f = qualifier.isEmpty() ? null : lambdas.get(name + ":" + qualifier);
        return Optional.ofNullable(f != null ? f : lambdas.get(name));
    }

    /** Returns the AWS service backend the host bound, if any. */
    public Optional<AwsServiceBackend> awsService() {
        return awsServiceBackend == NO_AWS_SERVICE_BACKEND
                ? Optional.empty()
                : Optional.of(awsServiceBackend);
    }
}
