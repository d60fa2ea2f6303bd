package dev.apigw.redis;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Redis for a test class (issue 16). {@code new RedisServer()} is the one at {@code
 * APIGW_REDIS_URL} when that is set (as {@code .ci/run} sets it, one Redis for every such class),
 * else a {@code redis-server} process of its own; {@link #ownProcess()} is always a process of its
 * own, for tests that stop, start or pause Redis, which must never do so to a shared one. A process
 * is found on the {@code PATH} or at {@code /usr/bin/redis-server}, runs on a free loopback port
 * without persistence and is stopped after the class. Without a Redis, the class is skipped and one
 * line says why. Classes on a shared Redis keep their keys apart (a key prefix or an API of their
 * own per test) and never flush it. Register it with {@code @RegisterExtension static final}.
 * Public, in this module's test-jar, for the local server's two-process tests.
 */
public final class RedisServer implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    private static final String URL_VARIABLE = "APIGW_REDIS_URL";
    private static final ExtensionContext.Namespace NOTICE =
            ExtensionContext.Namespace.create(RedisServer.class);

    private final String externalUri;
    private final Optional<Path> binary = RedisProcess.findBinary();
    private int port;
    private RedisProcess process;

    /** The Redis at {@code APIGW_REDIS_URL} when that is set, else a process of its own. */
    public RedisServer() {
        this(System.getenv(URL_VARIABLE));
    }

    private RedisServer(String externalUri) {
        this.externalUri = externalUri;
    }

    /**
     * Returns a Redis that is always a process of its own, whatever {@code APIGW_REDIS_URL} says:
     * for tests that {@link #stop()} and {@link #start()} it or pause its clients.
     */
    public static RedisServer ownProcess() {
        return new RedisServer(null);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (externalUri != null || binary.isPresent()) {
            return ConditionEvaluationResult.enabled("a Redis is available");
        }
        String reason =
                externalUri == null && System.getenv(URL_VARIABLE) != null
                        ? "Redis tests that stop, start or pause Redis skipped: no redis-server on"
                                + " the PATH or at /usr/bin/redis-server (they never use "
                                + URL_VARIABLE
                                + ")"
                        : "Redis tests skipped: no redis-server on the PATH or at"
                                + " /usr/bin/redis-server and no "
                                + URL_VARIABLE
                                + " (install the Debian package redis-server, as .ci/run does)";
        context.getRoot()
                .getStore(NOTICE)
                .getOrComputeIfAbsent(
                        reason,
                        k -> {
                            System.err.println("[apigw-redis] " + reason);
                            return reason;
                        });
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (externalUri == null) {
            port = RedisProcess.freePort();
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (externalUri == null) {
            stop();
        }
    }

    /** Returns the URI of this Redis. */
    public String uri() {
        return externalUri != null ? externalUri : "redis://127.0.0.1:" + port;
    }

    /**
     * Starts the process again on this extension's port and returns once it accepts connections.
     * Only for a Redis of {@link #ownProcess()}: a shared Redis is never started or stopped.
     */
    public void start() throws Exception {
        process = RedisProcess.start(ownBinary(), port);
    }

    /**
     * Stops the process at once (SIGKILL), as a crashed Redis. Only for a Redis of {@link
     * #ownProcess()}: a shared Redis is never started or stopped.
     */
    public void stop() {
        ownBinary();
        if (process != null) {
            process.stop(true);
            process = null;
        }
    }

    private Path ownBinary() {
        if (externalUri != null) {
            throw new IllegalStateException(
                    "the Redis at " + URL_VARIABLE + " is shared: use RedisServer.ownProcess()");
        }
        return binary.orElseThrow();
    }
}
