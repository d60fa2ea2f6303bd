package dev.apigw.testkit;

import dev.apigw.runtime.InternalErrorHandler;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;

/**
 * An {@link InternalErrorHandler} that fails the test: a request that fails inside the gateway
 * through a bug (a {@code NullPointerException} in a step, an {@link Error} a backend let through)
 * makes {@link dev.apigw.runtime.Api#handle} throw an {@link AssertionError} carrying the failure,
 * instead of answering 500, so that a test asserting a 500 cannot pass on a bug. {@link
 * ApiGatewayExtension} installs it; install it in an {@code Api} you build yourself with {@code
 * Api.builder().internalErrorHandler(FailingInternalErrorHandler.create())}.
 */
public final class FailingInternalErrorHandler implements InternalErrorHandler {
    private FailingInternalErrorHandler() {}

    /** Returns the handler. */
    public static FailingInternalErrorHandler create() {
        return new FailingInternalErrorHandler();
    }

    /** Throws an {@link AssertionError} naming the request, its id and the failure. */
    @Override
    public Response handle(
            Request request, String requestId, String extendedRequestId, Throwable failure) {
        throw new AssertionError(
                "request " + requestId + " (" + request + ") failed inside the gateway: " + failure,
                failure);
    }
}
