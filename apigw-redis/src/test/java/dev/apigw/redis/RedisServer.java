package dev.apigw.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    private final Optional<Path> binary = findBinary();
    private int port;
    private Process process;

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
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
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
        process =
                new ProcessBuilder(
                                binary.orElseThrow().toString(),
                                "--port",
                                Integer.toString(port),
                                "--bind",
                                "127.0.0.1",
                                "--save",
                                "",
                                "--appendonly",
                                "no")
                        .redirectErrorStream(true)
                        .start();
        CompletableFuture<Void> ready = CompletableFuture.runAsync(this::awaitReadyLine);
        try {
            ready.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    /** Stops the process at once (SIGKILL), as a crashed Redis. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitReadyLine() {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("Ready to accept connections")) {
                    drainInBackground(out);
                    return;
                }
            }
            throw new IllegalStateException("redis-server exited before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps reading the server's output so that it never blocks on a full pipe. */
    private static void drainInBackground(BufferedReader out) {
        Thread drain =
                new Thread(
                        () -> {
                            try {
                                while (out.readLine() != null) {
                                    // discarded
                                }
                            } catch (IOException e) {
                                // the process ended
                            }
                        },
                        "redis-server-output");
        drain.setDaemon(true);
        drain.start();
    }

    private static Optional<Path> findBinary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        Path usual = Path.of("/usr/bin/redis-server");
        return Files.isExecutable(usual) ? Optional.of(usual) : Optional.empty();
    }
}
