package dev.apigw.runtime.spi;

/**
 * A Lambda function, called as Lambda's Invoke API calls it: a JSON payload in, a payload out. A
 * function error is reported as Lambda reports it, as a {@link LambdaResult} with a function error
 * and an {@code errorMessage}/{@code errorType}/{@code stackTrace} payload; an exception thrown
 * from {@link #invoke} stands for a failure of the Invoke call itself.
 *
 * <p>Implementations must be thread-safe: an {@code Api} calls them from every thread that handles
 * requests. {@code dev.apigw.lambda.LambdaHandlers} (module apigw-lambda) adapts a handler class.
 */
@FunctionalInterface
public interface LambdaFunction {
    /** Invokes the function with one payload and returns its result. */
    LambdaResult invoke(LambdaInvocation invocation);
}
