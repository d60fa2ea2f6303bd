package dev.apigw.samples.localserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code java -jar apigw-local.jar ...} as a child process, always ended by {@link #close()}. */
final class ServerProcess implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> AWS_KEYS =
            List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final BlockingQueue<String> errorLines = new LinkedBlockingQueue<>();
    private final List<String> errorsSeen = new ArrayList<>();

    private ServerProcess(Process process) {
        this.process = process;
        read(process.getInputStream(), lines, "server-stdout");
        read(process.getErrorStream(), errorLines, "server-stderr");
    }

    private static void read(InputStream stream, BlockingQueue<String> lines, String name) {
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    stream, StandardCharsets.UTF_8))) {
                                for (String line = in.readLine();
                                        line != null;
                                        line = in.readLine()) {
                                    lines.add(line);
                                }
                            } catch (IOException e) {
                                lines.add("(" + name + " failed: " + e + ")");
                            }
                        },
                        name);
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        return Path.of(System.getProperty("apigw.local.jar", "target/apigw-local.jar"));
    }

    private static List<String> command(List<String> args) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar().toString()));
        command.addAll(args);
        return command;
    }

    /** Starts the server with its standard error merged into standard output. */
    static ServerProcess start(List<String> args) throws IOException {
        return new ServerProcess(
                new ProcessBuilder(command(args)).redirectErrorStream(true).start());
    }

    /**
     * Starts the server with its standard error merged into standard output, and without the AWS
     * keys of this environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code
     * AWS_SESSION_TOKEN}), so that it signs AWS calls with its defaults.
     */
    static ServerProcess startWithoutAwsKeys(List<String> args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().keySet().removeAll(AWS_KEYS);
        return new ServerProcess(builder.start());
    }

    /**
     * Starts the server with its standard output ({@link #awaitLine}) and standard error ({@link
     * #awaitErrorLine}) apart.
     */
    static ServerProcess startApart(List<String> args) throws IOException {
        return new ServerProcess(new ProcessBuilder(command(args)).start());
    }

    /** Runs {@code java -cp CLASSPATH MAIN ARGS} to its end (bounded), both outputs apart. */
    static Result runMain(String classpath, String main, List<String> args, Path dir)
            throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                classpath,
                                main));
        command.addAll(args);
        return runCommand(command, dir);
    }

    /** Runs the jar to its end (bounded) and returns its exit status and both outputs. */
    static Result run(List<String> args, Path dir) throws Exception {
        return runCommand(command(args), dir);
    }

    private static Result runCommand(List<String> command, Path dir) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("apigw-local did not end within " + TIMEOUT);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
        }
    }

    /** Returns the first line starting with the prefix, waiting for it at most {@link #TIMEOUT}. */
    String awaitLine(String prefix) throws InterruptedException {
        return await(lines, seen, prefix);
    }

    /**
     * Returns the first line of standard error (of a server started {@link #startApart apart}) that
     * starts with the prefix, waiting for it at most {@link #TIMEOUT}.
     */
    String awaitErrorLine(String prefix) throws InterruptedException {
        return await(errorLines, errorsSeen, prefix);
    }

    /**
     * Returns the first line of standard error (of a server started {@link #startApart apart}) that
     * contains the text, waiting for it at most {@link #TIMEOUT}.
     */
    String awaitErrorLineWith(String text) throws InterruptedException {
        return await(errorLines, errorsSeen, line -> line.contains(text), "containing " + text);
    }

    private static String await(BlockingQueue<String> lines, List<String> seen, String prefix)
            throws InterruptedException {
        return await(
                lines, seen, line -> line.startsWith(prefix), "starting with '" + prefix + "'");
    }

    private static String await(
            BlockingQueue<String> lines, List<String> seen, Predicate<String> wanted, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String line =
                    lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError(
                        "no line " + what + " within " + TIMEOUT + "; output so far: " + seen);
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Sends SIGTERM and returns the exit status, failing if the process does not end. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("apigw-local did not stop within " + TIMEOUT);
        }
        return process.exitValue();
    }

    /**
     * Sends SIGTERM through the process handle, which leaves the output streams open to read what
     * the shutdown hook printed, and returns the exit status.
     */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("apigw-local did not stop within " + TIMEOUT);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    /** What a finished run printed. */
    record Result(int exitStatus, String stdout, String stderr) {}
}
