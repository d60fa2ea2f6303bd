package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the host plugged in: Lambda functions by name, the HTTP backend, the clock, the random
 * source, and the region and account the API lives in. Internal.
 *
 * @param lambdas functions by name, or by {@code name:qualifier}
 * @param httpBackend the backend of HTTP integrations
 * @param clock the clock for request times and latencies
 * @param random a thread-safe random source for ids
 * @param region the AWS region, e.g. {@code us-east-1}
 * @param accountId the AWS account id of the API owner
 */
public record HostBindings(Map<String, LambdaFunction> lambdas, HttpBackend httpBackend,
        Clock clock, RandomGenerator random, String region, String accountId) {
    /** Checks and copies. */
    public HostBindings {
        lambdas = Map.copyOf(lambdas);
        Objects.requireNonNull(httpBackend);
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
}
