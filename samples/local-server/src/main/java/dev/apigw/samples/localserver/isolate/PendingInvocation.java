package dev.apigw.samples.localserver.isolate;

import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One invocation handed to a runtime process: what {@code /runtime/invocation/next} serves, and the
 * two moments the caller waits for: the process took it ({@link #started()}, with its deadline),
 * and its result ({@link #result()}).
 */
final class PendingInvocation {
    private final LambdaInvocation invocation;
    private final int timeoutSeconds;
    private final String traceId;
    private final CompletableFuture<Long> started = new CompletableFuture<>();
    private final CompletableFuture<LambdaResult> result = new CompletableFuture<>();

    PendingInvocation(LambdaInvocation invocation, int timeoutSeconds, long epochSeconds) {
        this.invocation = invocation;
        this.timeoutSeconds = timeoutSeconds;
        this.traceId = traceId(epochSeconds);
    }

    /** Returns the Lambda request id. */
    String requestId() {
        return invocation.awsRequestId();
    }

    /** Returns the ARN the caller invoked. */
    String functionArn() {
        return invocation.functionArn();
    }

    /** Returns the event (not copied). */
    byte[] payload() {
        return invocation.payload();
    }

    /** Returns the X-Ray trace header of this invocation (not sampled). */
    String traceId() {
        return traceId;
    }

    /** Returns the function timeout in seconds. */
    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Completes when a process took the invocation; its value is the deadline in epoch ms. */
    CompletableFuture<Long> started() {
        return started;
    }

    /** Completes with the invocation's result, or exceptionally when it must be retried. */
    CompletableFuture<LambdaResult> result() {
        return result;
    }

    /** Marks the invocation taken, with this deadline; false if it already ended. */
    boolean start(long deadlineMillis) {
        return !result.isDone() && started.complete(deadlineMillis);
    }

    /** Ends the invocation with this result; false if it already ended. */
    boolean complete(LambdaResult value) {
        return result.complete(value);
    }

    /** Returns whether the invocation has ended. */
    boolean isDone() {
        return result.isDone();
    }

    /** Ends the invocation as never run: its process went away before taking it. */
    boolean retry() {
        return result.completeExceptionally(new ProcessGoneException());
    }

    private static String traceId(long epochSeconds) {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "Root=1-"
                + String.format(Locale.ROOT, "%08x", epochSeconds)
                + "-"
                + random.substring(0, 24)
                + ";Parent="
                + random.substring(16, 32)
                + ";Sampled=0";
    }

    /** The process an invocation was handed to went away before taking it. */
    static final class ProcessGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProcessGoneException() {
            super("the runtime process exited before taking the invocation", null, false, false);
        }
    }
}
