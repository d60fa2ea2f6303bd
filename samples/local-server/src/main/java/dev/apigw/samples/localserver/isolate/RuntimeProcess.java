package dev.apigw.samples.localserver.isolate;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child JVM of a function, running the Lambda runtime interface client ({@code
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}) as Lambda's Java runtime
 * starts it: heap limited to the function's memory ({@code -Xmx<MemorySize>m}), the serial
 * collector, the runtime's jars then the function's class path. Its output and error lines go to
 * this server's log, each prefixed with {@code [FunctionName]}.
 */
final class RuntimeProcess {
    private static final Logger LOG = LoggerFactory.getLogger("lambda");
    private static final String MAIN_CLASS =
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final RuntimeSession session;
    private final Process process;

    private RuntimeProcess(RuntimeSession session, Process process) {
        this.session = session;
        this.process = process;
    }

    /** Starts a process of this function, serving its session's Runtime API. */
    static RuntimeProcess start(
            RuntimeSession session,
            String functionName,
            String handler,
            int memorySize,
            Path javaExecutable,
            List<Path> classpath,
            Optional<Path> nativeLibrary,
            Path taskRoot,
            Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Xmx" + memorySize + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        nativeLibrary.ifPresent(lib -> command.add("-D" + NATIVE_LIBRARY_PROPERTY + "=" + lib));
        command.add("-cp");
        command.add(
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(MAIN_CLASS);
        command.add(handler);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the runtime process of " + functionName, e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("[{}] could not close the process's input", functionName, e);
        }
        Thread pump = new Thread(() -> pump(process, functionName), "lambda-log-" + functionName);
        pump.setDaemon(true);
        pump.start();
        return new RuntimeProcess(session, process);
    }

    /** Returns the Runtime API state of this process. */
    RuntimeSession session() {
        return session;
    }

    /** Returns the process's id, for logs. */
    long pid() {
        return process.pid();
    }

    /** Returns the process's handle. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Returns whether the process is running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs this action with the exit value once the process has exited. */
    void onExit(IntConsumer action) {
        process.onExit().thenAccept(p -> action.accept(p.exitValue()));
    }

    /** Kills the process and its children, and waits until it has gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        session.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("Runtime process {} did not exit after SIGKILL", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Process process, String functionName) {
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                LOG.info("[{}] {}", functionName, line);
            }
        } catch (IOException e) {
            LOG.debug("[{}] log stream closed", functionName, e);
        }
    }
}
