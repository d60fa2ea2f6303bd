package dev.apigw.samples.localserver.isolate;

import dev.apigw.model.FunctionConfiguration;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A template function run as Lambda runs it: each invocation goes to a warm runtime process of the
 * function, else to a new one (a cold start), up to the concurrency limit; past it the call is
 * throttled at once with {@link TooManyRequestsException}, as Lambda throttles a synchronous
 * Invoke. The invocation is abandoned at the function's {@code Timeout} (its process killed, a new
 * one started on the next call) and answered with Lambda's {@code Sandbox.Timedout} error; a
 * process that exits while running it ({@code System.exit}, a crash) answers with {@code
 * Runtime.ExitError} and is replaced. A process that went away before taking an invocation it was
 * handed (it exited after its previous one, as the client does after an {@code OutOfMemoryError})
 * has the invocation retried on another. Each of these is an unhandled function error, which a
 * Lambda proxy integration answers 502 {@code Internal server error} (reference 2.2); the error
 * texts, not in the reference, are recorded in {@code docs/differences.md} (rows 113 to 116).
 */
public final class IsolatedFunction implements LambdaFunction, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IsolatedFunction.class);
    private static final int ATTEMPTS = 3;

    private final FunctionConfiguration function;
    private final List<Path> classpath;
    private final Path taskRoot;
    private final RuntimeApiServer api;
    private final RuntimeJars runtime;
    private final IsolationSettings settings;
    private final Deque<RuntimeProcess> idle = new ArrayDeque<>();
    private final List<RuntimeProcess> live = new ArrayList<>();
    private boolean closed;

    IsolatedFunction(
            FunctionConfiguration function,
            List<Path> classpath,
            RuntimeApiServer api,
            RuntimeJars runtime,
            IsolationSettings settings) {
        this.function = function;
        this.classpath = List.copyOf(classpath);
        this.taskRoot = taskRoot(this.classpath, runtime);
        this.api = api;
        this.runtime = runtime;
        this.settings = settings;
    }

    /** Returns the function's configuration. */
    public FunctionConfiguration configuration() {
        return function;
    }

    /** Returns how many runtime processes of this function are running. */
    public synchronized int processes() {
        return live.size();
    }

    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        for (int attempt = 1; ; attempt++) {
            RuntimeProcess process = acquire();
            PendingInvocation pending =
                    new PendingInvocation(
                            invocation,
                            function.timeout(),
                            settings.clock().instant().getEpochSecond());
            process.session().hand(pending);
            try {
                LambdaResult result = await(process, pending);
                release(process);
                return result;
            } catch (PendingInvocation.ProcessGoneException e) {
                retire(process);
                if (attempt == ATTEMPTS || isClosed()) {
                    // Closed: the process was killed (SIGKILL, 128 + 9) before taking the call.
                    return RuntimeErrors.exited(invocation.awsRequestId(), isClosed() ? 137 : 1);
                }
            }
        }
    }

    /** Returns the running processes of this function. */
    synchronized List<ProcessHandle> processHandles() {
        return live.stream().map(RuntimeProcess::handle).toList();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Kills every process of this function; calls afterwards fail. */
    @Override
    public void close() {
        List<RuntimeProcess> processes;
        synchronized (this) {
            closed = true;
            processes = new ArrayList<>(live);
        }
        processes.forEach(RuntimeProcess::kill);
    }

    private LambdaResult await(RuntimeProcess process, PendingInvocation pending) {
        CompletableFuture<LambdaResult> result = pending.result();
        try {
            CompletableFuture.anyOf(pending.started(), result)
                    .get(settings.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!result.isDone()) {
                long deadline = pending.started().join();
                long wait = Math.max(0, deadline - settings.clock().millis());
                return result.get(wait, TimeUnit.MILLISECONDS);
            }
            return result.join();
        } catch (TimeoutException e) {
            LambdaResult timedOut = RuntimeErrors.timedOut(pending.requestId(), function.timeout());
            if (pending.complete(timedOut)) {
                LOG.info(
                        "[{}] {} Task timed out after {}.00 seconds; killing process {}",
                        function.functionName(),
                        pending.requestId(),
                        function.timeout(),
                        process.pid());
                kill(process);
                return timedOut;
            }
            return result.join();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PendingInvocation.ProcessGoneException gone) {
                throw gone;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CompletionException e) {
            if (e.getCause() instanceof PendingInvocation.ProcessGoneException gone) {
                throw gone;
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.complete(RuntimeErrors.timedOut(pending.requestId(), function.timeout()));
            kill(process);
            throw new IllegalStateException(
                    "Interrupted while invoking " + function.functionName());
        }
    }

    private RuntimeProcess acquire() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(function.functionName() + " is closed");
            }
            while (!idle.isEmpty()) {
                RuntimeProcess process = idle.pop();
                if (process.isAlive()) {
                    return process;
                }
            }
            if (live.size() >= settings.concurrencyLimit()) {
                throw new TooManyRequestsException(
                        function.functionName(), settings.concurrencyLimit());
            }
            RuntimeProcess process = startProcess();
            live.add(process);
            return process;
        }
    }

    private RuntimeProcess startProcess() {
        RuntimeSession session = new RuntimeSession(UUID.randomUUID().toString());
        api.register(session);
        List<Path> fullClasspath = new ArrayList<>(runtime.jars());
        fullClasspath.addAll(classpath);
        RuntimeProcess process;
        try {
            process =
                    RuntimeProcess.start(
                            session,
                            function.functionName(),
                            function.handler(),
                            function.memorySize(),
                            settings.javaExecutable(),
                            fullClasspath,
                            runtime.nativeLibrary(),
                            taskRoot,
                            LambdaEnvironment.of(
                                    function,
                                    api.endpoint(session),
                                    settings.region(),
                                    taskRoot,
                                    runtime.directory(),
                                    settings.clock()));
        } catch (RuntimeException e) {
            api.unregister(session);
            throw e;
        }
        LOG.info(
                "[{}] started runtime process {} (cold start)",
                function.functionName(),
                process.pid());
        process.onExit(
                exitValue -> {
                    session.exited(exitValue);
                    api.unregister(session);
                    retire(process);
                });
        return process;
    }

    private synchronized void release(RuntimeProcess process) {
        if (!closed && live.contains(process) && process.isAlive()) {
            idle.push(process);
        }
    }

    private synchronized void retire(RuntimeProcess process) {
        live.remove(process);
        idle.remove(process);
    }

    private void kill(RuntimeProcess process) {
        retire(process);
        process.kill();
    }

    /**
     * Returns the process's working directory and {@code LAMBDA_TASK_ROOT}: the function's first
     * class path entry when it is a directory (the unpacked code), else the runtime directory.
     */
    private static Path taskRoot(List<Path> classpath, RuntimeJars runtime) {
        if (!classpath.isEmpty() && Files.isDirectory(classpath.get(0))) {
            return classpath.get(0).toAbsolutePath();
        }
        return runtime.directory();
    }
}
