package dev.apigw.runtime.integration;

import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one synchronous Lambda call on another thread and waits for it no longer than the
 * invocation's timeout (reference 4.2 {@code timeoutInMillis}, 9.5): past it the function's thread
 * is interrupted and left to end on its own, as Lambda stops waiting for a function that timed out.
 * An {@link Error} the function throws ({@link OutOfMemoryError} and the like) becomes the function
 * error Lambda reports when a runtime dies, {@code Runtime.ExitError}, so the caller's thread never
 * sees it.
 */
final class TimedCall {
    /**
     * How long the caller spins for a quick function's answer before it parks, when its call is the
     * only one in flight ({@link LambdaExecutor#isQuiet()}): a parked caller is woken in tens of
     * microseconds on a virtual machine, a spinning one at once.
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private TimedCall() {}

    /**
     * Returns what the function returned within the timeout; throws {@link TimeoutException} past
     * it, the function's own {@link RuntimeException}, or the executor's {@link
     * java.util.concurrent.RejectedExecutionException}.
     */
    static LambdaResult invoke(
            Executor executor, LambdaFunction function, LambdaInvocation invocation)
            throws TimeoutException, InterruptedException {
        FutureTask<LambdaResult> call = new FutureTask<>(() -> function.invoke(invocation));
        long start = System.nanoTime();
        executor.execute(call);
        boolean spin = executor instanceof LambdaExecutor && ((LambdaExecutor) executor).isQuiet();
        while (spin && !call.isDone() && System.nanoTime() - start < SPIN_NANOS) {
            Thread.onSpinWait();
        }
        try {
            return call.get(
                    invocation.timeout().toNanos() - (System.nanoTime() - start),
                    TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                return exitError(invocation, (Error) cause);
            }
            throw new IllegalStateException("LambdaFunction threw " + cause, cause);
        }
    }

    /**
     * Returns Lambda's report of a runtime that exited: {@code signal: killed} for a function out
     * of memory (the Lambda troubleshooting guide's symptom), {@code exit status 1} for any other
     * error.
     */
    static LambdaResult exitError(LambdaInvocation invocation, Error error) {
        String why = error instanceof OutOfMemoryError ? "signal: killed" : "exit status 1";
        return LambdaResult.functionError(
                "RequestId: "
                        + invocation.awsRequestId()
                        + " Error: Runtime exited with error: "
                        + why,
                "Runtime.ExitError",
                List.of());
    }
}
