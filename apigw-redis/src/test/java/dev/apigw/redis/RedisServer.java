package dev.apigw.redis;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Redis for a test class: the one at {@code APIGW_REDIS_URL} when that is set, else a {@code
 * redis-server} process of its own (found on the {@code PATH} or at {@code /usr/bin/redis-server})
 * on a free loopback port, without persistence, stopped after the class. Without either, the class
 * is skipped and one line says why. Register it with {@code @RegisterExtension static final}.
 * Public, in this module's test-jar, for the local server's two-process tests.
 */
public final class RedisServer implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    private static final String URL_VARIABLE = "APIGW_REDIS_URL";
    private static final ExtensionContext.Namespace NOTICE =
            ExtensionContext.Namespace.create(RedisServer.class);

    private final String externalUri = System.getenv(URL_VARIABLE);
    private final Optional<Path> binary = RedisProcess.findBinary();
    private int port;
    private RedisProcess process;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (externalUri != null || binary.isPresent()) {
            return ConditionEvaluationResult.enabled("a Redis is available");
        }
        String reason =
                "Redis tests skipped: no redis-server on the PATH or at /usr/bin/redis-server and"
                        + " no "
                        + URL_VARIABLE
                        + " (install the Debian package redis-server, as .ci/run does)";
        context.getRoot()
                .getStore(NOTICE)
                .getOrComputeIfAbsent(
                        "notice",
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
        stop();
    }

    /** Returns the URI of this Redis. */
    public String uri() {
        return externalUri != null ? externalUri : "redis://127.0.0.1:" + port;
    }

    /** Returns whether this extension runs the Redis process (and so can stop and start it). */
    public boolean ownsProcess() {
        return externalUri == null;
    }

    /** Starts the process on this extension's port and returns once it accepts connections. */
    public void start() throws Exception {
        process = RedisProcess.start(binary.orElseThrow(), port);
    }

    /** Stops the process at once (SIGKILL), as a crashed Redis. */
    public void stop() {
        if (process != null) {
            process.stop(true);
            process = null;
        }
    }
}
