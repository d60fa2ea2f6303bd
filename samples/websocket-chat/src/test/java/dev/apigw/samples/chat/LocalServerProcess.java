package dev.apigw.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar apigw-local.jar ARGS} run from this module's directory as a child process, its
 * standard error merged into its standard output, read line by line; always ended by {@link
 * #close()} (SIGTERM, then a forced kill if it does not end).
 */
final class LocalServerProcess implements AutoCloseable {
    /** How long a line or the end of the process is awaited before the test fails. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private LocalServerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "apigw-local-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Returns the local server's jar, built earlier in the reactor by samples/local-server. */
    static Path jar() {
        Path jar =
                Path.of(
                        System.getProperty(
                                "apigw.local.jar", "../local-server/target/apigw-local.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(
                    jar
                            + " is missing: build it with mvn -B package -pl samples/websocket-chat -am");
        }
        return jar;
    }

    /** Starts the server with these arguments in the current directory (this module). */
    static LocalServerProcess start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        return new LocalServerProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Returns the first line (from the last one returned on) that starts with {@code prefix},
     * waiting for it at most {@link #TIMEOUT}.
     */
    String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String line =
                    lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError(
                        "no line starting with '" + prefix + "' within " + TIMEOUT + ": " + seen);
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Stops the process as Ctrl-C would (SIGTERM) and returns its exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("apigw-local did not stop within " + TIMEOUT);
        }
        return process.exitValue();
    }

    /** Returns the processes the server started (the functions' JVMs with --isolate). */
    List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void readOutput() {
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output failed: " + e + ")");
        }
    }
}
