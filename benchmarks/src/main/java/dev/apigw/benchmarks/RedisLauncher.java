package dev.apigw.benchmarks;

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
 * A loopback {@code redis-server} of the Redis benchmarks (issue 16, reference 9.4): found on the
 * {@code PATH} or at {@code /usr/bin/redis-server}, started on a free port without persistence,
 * stopped at the benchmark's teardown. The benchmarks' copy of apigw-redis's test extension {@code
 * RedisServer}, without JUnit.
 */
final class RedisLauncher implements AutoCloseable {
    /** The message of the failure when no {@code redis-server} binary is found. */
    static final String NO_REDIS =
            "Redis benchmark skipped: no redis-server on the PATH or at /usr/bin/redis-server"
                    + " (install the Debian package redis-server)";

    private final Process process;
    private final int port;

    private RedisLauncher(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a {@code redis-server} on a free loopback port and returns once it accepts
     * connections; throws {@link IllegalStateException} with {@link #NO_REDIS} when there is none.
     */
    static RedisLauncher start() throws Exception {
        Path binary = findBinary().orElseThrow(() -> new IllegalStateException(NO_REDIS));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
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
        RedisLauncher launcher = new RedisLauncher(process, port);
        try {
            CompletableFuture.runAsync(launcher::awaitReadyLine).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            launcher.close();
            throw e;
        }
        return launcher;
    }

    /** Returns the URI of this Redis. */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the process. */
    @Override
    public void close() {
        process.destroy();
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

    private static Optional<Path> findBinary() {
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
}
