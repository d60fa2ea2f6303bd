package dev.apigw.samples.localserver;

import dev.apigw.redis.FailurePolicy;
import dev.apigw.redis.RedisStores;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The account's stores on the Redis of {@code --redis} (issue 16; reference 7.4, 8.2, 9.3, 9.4):
 * the token buckets of throttling, the quota counters and usage of usage plans, the stage cache
 * entries and the Lambda authorizers' answers, and for a WebSocket API its connections (served by
 * {@link WebSocketServing}), shared by every local server pointed at the same Redis, answering
 * Redis failures by {@code --redis-fail}. Connecting prints one line, {@code Stores on Redis at
 * HOST:PORT: ...}, which names no password.
 */
final class RedisAccountStores {
    private RedisAccountStores() {}

    /**
     * Connects to the Redis of the options, meters its failures in {@code metrics} and prints the
     * startup line on {@code out} (naming WebSocket connections when {@code webSocket}); fails with
     * a one-line {@link LaunchException} when Redis cannot be reached.
     */
    static RedisStores connect(
            URI uri,
            FailurePolicy policy,
            MeterRegistry metrics,
            Consumer<String> out,
            boolean webSocket) {
        RedisStores stores;
        try {
            stores =
                    RedisStores.builder(uri.toString())
                            .failurePolicy(policy)
                            .meterRegistry(metrics)
                            .build();
        } catch (RuntimeException e) {
            throw LaunchException.failure(
                    "--redis: cannot connect to " + hostAndPort(uri) + ": " + e.getMessage());
        }
        out.accept(startupLine(uri, policy, webSocket));
        return stores;
    }

    /**
     * Returns the line that says which stores are on Redis (a WebSocket API's connections when
     * {@code webSocket}), and how failures are answered.
     */
    static String startupLine(URI uri, FailurePolicy policy, boolean webSocket) {
        return "Stores on Redis at "
                + hostAndPort(uri)
                + ": throttles, quotas and usage, stage cache, authorizer cache"
                + (webSocket ? ", WebSocket connections" : "")
                + " (fail-"
                + policy.name().toLowerCase(Locale.ROOT)
                + ")";
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
    }
}
