package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * What the host plugged in: Lambda functions by name, the HTTP backend, the AWS service backend,
 * the executors of asynchronous and synchronous Lambda invocations, the clock, the random source,
 * and the region and account the API lives in. Internal.
 *
 * @param lambdas functions by name, or by {@code name:qualifier}
 * @param httpBackend the backend of HTTP integrations
 * @param awsServiceBackend the backend of AWS service integrations, or {@link
 *     #NO_AWS_SERVICE_BACKEND} when the host bound none
 * @param eventInvocations runs Lambda functions invoked with the invocation type {@code Event}
 * @param requestResponse runs synchronous Lambda calls, one thread per running call, so that the
 *     caller can stop waiting at the integration timeout
 * @param clock the clock for request times and latencies
 * @param random a thread-safe random source for ids
 * @param region the AWS region, e.g. {@code us-east-1}
 * @param accountId the AWS account id of the API owner
 */
public record HostBindings(
        Map<String, LambdaFunction> lambdas,
        HttpBackend httpBackend,
        AwsServiceBackend awsServiceBackend,
        Executor eventInvocations,
        Executor requestResponse,
        Clock clock,
        RandomGenerator random,
        String region,
        String accountId) {
    /** Stands for "no AWS service backend bound"; never called. */
    public static final AwsServiceBackend NO_AWS_SERVICE_BACKEND =
            request -> {
                throw new IllegalStateException("no AwsServiceBackend is bound");
            };

    /** Checks and copies. */
    public HostBindings {
        lambdas = Map.copyOf(lambdas);
        Objects.requireNonNull(httpBackend);
        Objects.requireNonNull(awsServiceBackend);
        Objects.requireNonNull(eventInvocations);
        Objects.requireNonNull(requestResponse);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(random);
        Objects.requireNonNull(region);
        Objects.requireNonNull(accountId);
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
