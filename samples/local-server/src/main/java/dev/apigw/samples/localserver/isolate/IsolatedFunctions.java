package dev.apigw.samples.localserver.isolate;

import dev.apigw.model.FunctionConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs template functions as Lambda runs them ({@code --isolate}): starts the Lambda Runtime API
 * server and extracts the runtime interface client once, then makes an {@link IsolatedFunction} per
 * function, each with its own child JVMs. {@link #close()} kills every child process (a JVM
 * shutdown hook does it too if the server stops without closing) and deletes the extracted jars.
 *
 * <pre>{@code
 * try (IsolatedFunctions functions = IsolatedFunctions.start(IsolationSettings.defaults())) {
 *     LambdaFunction hello = functions.function(configuration, classpath);
 *     Api api = Api.builder()....lambda("HelloWorldFunction", hello).build();
 * }
 * }</pre>
 */
public final class IsolatedFunctions implements AutoCloseable {
    private final RuntimeApiServer api;
    private final RuntimeJars runtime;
    private final IsolationSettings settings;
    private final List<IsolatedFunction> functions = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    private IsolatedFunctions(
            RuntimeApiServer api, RuntimeJars runtime, IsolationSettings settings) {
        this.api = api;
        this.runtime = runtime;
        this.settings = settings;
        this.shutdownHook = new Thread(this::stopAll, "lambda-runtime-shutdown");
    }

    /** Starts the Runtime API server and extracts the runtime interface client. */
    public static IsolatedFunctions start(IsolationSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        RuntimeJars runtime = RuntimeJars.extract();
        RuntimeApiServer api;
        try {
            api = RuntimeApiServer.start(settings.clock());
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        IsolatedFunctions functions = new IsolatedFunctions(api, runtime, settings);
        Runtime.getRuntime().addShutdownHook(functions.shutdownHook);
        return functions;
    }

    /**
     * Returns the function with this configuration (its {@code Handler}, {@code Timeout}, {@code
     * MemorySize}, {@code Environment.Variables} and name) whose code is on this class path (jars
     * and class directories, the function's own libraries included). No process starts until the
     * first invocation.
     */
    public synchronized IsolatedFunction function(
            FunctionConfiguration configuration, List<Path> classpath) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(classpath, "classpath");
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (configuration.handler().isEmpty()) {
            throw new IllegalArgumentException(configuration.logicalId() + ": no Handler");
        }
        IsolatedFunction function =
                new IsolatedFunction(configuration, classpath, api, runtime, settings);
        functions.add(function);
        return function;
    }

    /** Returns the port of the Lambda Runtime API the child processes poll. */
    public int runtimeApiPort() {
        return api.port();
    }

    /** Kills every child process, stops the Runtime API and deletes the extracted jars. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) stopAll.
        }
    }

    private void stopAll() {
        List<IsolatedFunction> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(functions);
        }
        all.forEach(IsolatedFunction::close);
        api.close();
        runtime.close();
    }
}
