package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution environment of a template function: its class loader and, after the first call
 * initialized it, its handler. Calls run with the loader as the thread's context class loader. An
 * environment whose init failed stays failed: its owner replaces it.
 */
final class Environment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Environment.class);

    private final URLClassLoader loader;
    private final HandlerBinding binding;
    private final Function<LambdaInvocation, Context> contexts;
    private final CountDownLatch initialized = new CountDownLatch(1);
    private HandlerBinding.Init init;

    Environment(
            URLClassLoader loader,
            HandlerBinding binding,
            Function<LambdaInvocation, Context> contexts) {
        this.loader = loader;
        this.binding = binding;
        this.contexts = contexts;
    }

    /** Returns the environment's class loader. */
    URLClassLoader loader() {
        return loader;
    }

    /** Runs one call: initializes the handler on the first, then invokes it. */
    LambdaResult call(LambdaInvocation invocation) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            HandlerBinding.Init ready = init();
            return ready.error() != null ? ready.error() : ready.function().invoke(invocation);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Returns whether the init failed. */
    synchronized boolean failed() {
        return init != null && init.error() != null;
    }

    /**
     * Waits until the init of this environment is over (at once when it is), at most this long;
     * returns whether it is over.
     */
    boolean awaitInit(Duration limit) throws InterruptedException {
        return initialized.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized HandlerBinding.Init init() {
        if (init == null) {
            try {
                init = binding.init(loader, contexts);
            } finally {
                initialized.countDown();
            }
        }
        return init;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing the class loader of {} failed", binding, e);
        }
    }
}
