package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.apigw.model.FunctionConfiguration;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A Java function of a template, run in-process in its own class loader ({@link
 * FunctionClassLoaders}) over its code ({@link FunctionCode}).
 *
 * <p>Its first call is its cold start: the handler class is loaded and initialized and its instance
 * made on that call, within its {@code Timeout}; a static initializer or constructor that throws
 * answers that call with Lambda's init error, and so does every later call, each trying the init
 * again in a fresh class loader as Lambda starts a fresh environment. Each call runs on a worker
 * thread whose context class loader is the function's; past {@code Timeout} seconds the call is
 * answered with Lambda's timeout error ({@code Sandbox.Timedout}), the worker is interrupted and
 * the environment is dropped, so the next call starts cold as on Lambda. The {@code Context}
 * reports the function's name, {@code MemorySize} and the time left of its {@code Timeout}. An
 * {@link Error} such as {@link OutOfMemoryError} is rethrown to the gateway, which answers it as a
 * runtime that exited.
 *
 * <p>Calls in flight at once share one environment (one instance, one set of static fields), where
 * Lambda gives each its own. {@link #close()} interrupts the workers, closes the class loader and
 * deletes an extracted zip.
 */
public final class TemplateFunction implements LambdaFunction, AutoCloseable {
    /**
     * How long Lambda's init phase may take before the function's {@code Timeout} starts counting:
     * 10 seconds (Lambda's execution environment lifecycle: past it, Lambda retries the init within
     * the first invocation and its timeout).
     */
    static final Duration INIT_PHASE = Duration.ofSeconds(10);

    private final FunctionConfiguration configuration;
    private final FunctionCode code;
    private final HandlerBinding binding;
    private final ExecutorService workers;
    private final Function<LambdaInvocation, Context> contexts;
    private final AtomicReference<Environment> environment;
    private volatile boolean closed;

    private TemplateFunction(
            FunctionConfiguration configuration, FunctionCode code, HandlerBinding binding) {
        this.configuration = configuration;
        this.code = code;
        this.binding = binding;
        this.workers = Executors.newCachedThreadPool(new Workers(configuration.functionName()));
        Duration timeout = Duration.ofSeconds(configuration.timeout());
        this.contexts =
                invocation ->
                        new LocalContext(
                                invocation,
                                configuration.functionName(),
                                configuration.memorySize(),
                                timeout);
        this.environment = new AtomicReference<>(newEnvironment());
    }

    /**
     * Locates the code of a Java function and checks that its handler can be called; the class is
     * initialized on the first call.
     *
     * @throws FunctionCodeException when the code is not found or not built, or the handler names
     *     no class, method or constructor Lambda could call; the message is one line naming the
     *     logical id
     */
    public static TemplateFunction load(FunctionConfiguration configuration) {
        HandlerBinding binding =
                HandlerBinding.parse(configuration.logicalId(), configuration.handler());
        FunctionCode code = FunctionCode.locate(configuration);
        TemplateFunction function = new TemplateFunction(configuration, code, binding);
        try {
            binding.check(function.environment.get().loader());
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
        return function;
    }

    /** Returns the function's configuration from the template. */
    public FunctionConfiguration configuration() {
        return configuration;
    }

    /** Returns where the function's code was found. */
    public FunctionCode code() {
        return code;
    }

    /** Returns the class loader of the function's current environment. */
    ClassLoader classLoader() {
        return environment.get().loader();
    }

    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        Environment env = environment.get();
        Future<LambdaResult> call = workers.submit(() -> env.call(invocation));
        try {
            env.awaitInit(INIT_PHASE);
            LambdaResult result = call.get(configuration.timeout(), TimeUnit.SECONDS);
            if (env.failed()) {
                renew(env);
            }
            return result;
        } catch (TimeoutException e) {
            call.cancel(true);
            renew(env);
            return FunctionErrors.timedOut(invocation.awsRequestId(), configuration.timeout());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException(
                    "the call of " + configuration.functionName() + " was interrupted");
        } catch (ExecutionException e) {
            renew(env);
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw cause instanceof RuntimeException
                    ? (RuntimeException) cause
                    : new IllegalStateException(cause);
        }
    }

    /** Interrupts the calls in flight, closes the class loader and deletes extracted code. */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        environment.get().close();
        code.close();
    }

    @Override
    public String toString() {
        return "TemplateFunction{"
                + configuration.logicalId()
                + ", "
                + configuration.handler()
                + "}";
    }

    private Environment newEnvironment() {
        return new Environment(FunctionClassLoaders.create(code.classpath()), binding, contexts);
    }

    /** Replaces a failed or timed-out environment with a fresh one, once. */
    private void renew(Environment failed) {
        if (!closed && environment.compareAndSet(failed, newEnvironment())) {
            failed.close();
        }
    }

    /** Names the worker threads after the function; they do not keep the JVM alive. */
    private static final class Workers implements ThreadFactory {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();

        Workers(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "function-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
