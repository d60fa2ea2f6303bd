package dev.apigw.redis;

import java.io.BufferedReader;
import java.io.File;
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

/**
 * A {@code redis-server} process on a loopback port, without persistence, for tests and benchmarks
 * that need a real Redis (issue 16): {@link #findBinary()} looks on the {@code PATH} and at {@code
 * /usr/bin/redis-server}, {@link #start} returns once the server accepts connections. No JUnit: the
 * test extension {@link RedisServer} and the benchmarks' Redis both run it. Public, in this
 * module's test-jar.
 */
public final class RedisProcess {
    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Returns the {@code redis-server} binary on the {@code PATH} or at the Debian path, if any.
     */
    public static Optional<Path> findBinary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        Path usual = Path.of("/usr/bin/redis-server");
        return Files.isExecutable(usual) ? Optional.of(usual) : Optional.empty();
    }

    /** Returns a loopback port free now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts {@code binary} on 127.0.0.1 and {@code port} and returns once it accepts connections
     * (within 20 s, else it is killed and this throws).
     */
    public static RedisProcess start(Path binary, int port) throws Exception {
        Process process =
                new ProcessBuilder(
                                binary.toString(),
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
        RedisProcess redis = new RedisProcess(process, port);
        try {
            CompletableFuture.runAsync(redis::awaitReadyLine).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            redis.stop(true);
            throw e;
        }
        return redis;
    }

    /** Returns the URI of this Redis. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Stops the process: at once (SIGKILL, as a crashed Redis) when {@code forcibly}, else with
     * SIGTERM and SIGKILL after 10 s; returns once it has ended.
     */
    public void stop(boolean forcibly) {
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
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
}
