package dev.apigw.testkit;

import dev.apigw.runtime.Response;

/**
 * A failed {@link ResponseAssert} check on a plain response, carrying the response, so that {@link
 * ApiGatewayExtension} can add the console's test result of that response to the message.
 */
final class ResponseAssertionError extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient Response response;

    ResponseAssertionError(AssertionError failure, Response response) {
        super(failure.getMessage());
        setStackTrace(failure.getStackTrace());
        this.response = response;
    }

    /** Returns the response the failed check was made on. */
    Response response() {
        return response;
    }
}
