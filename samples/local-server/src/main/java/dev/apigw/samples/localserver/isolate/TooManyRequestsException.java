package dev.apigw.samples.localserver.isolate;

/**
 * Lambda's throttle of an invocation: every process a function may have is busy (its concurrency
 * limit is reached). Lambda answers a synchronous Invoke with {@code 429 TooManyRequestsException}
 * {@code Rate Exceeded.} at once, without queueing; thrown from {@link IsolatedFunction#invoke}, it
 * is a failure of the Invoke call, which API Gateway answers as a Lambda invoke failure (reference
 * 2.2: "Lambda invoke failure: other (throttle, service error)").
 */
public final class TooManyRequestsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the throttle of this function, whose limit is reached. */
    public TooManyRequestsException(String functionName, int concurrencyLimit) {
        super(
                "TooManyRequestsException: Rate Exceeded. (function "
                        + functionName
                        + ": all "
                        + concurrencyLimit
                        + " processes busy)");
    }
}
