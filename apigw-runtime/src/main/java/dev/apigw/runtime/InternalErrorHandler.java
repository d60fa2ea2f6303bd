package dev.apigw.runtime;

/**
 * Answers a request that failed inside the gateway through a bug of ours (any exception other than
 * a gateway response) or an {@link Error} a host backend let through. The default, {@link
 * #logAndAnswer500()}, logs the failure and answers as AWS answers its own faults; the testkit
 * installs one that fails the test, so that a test asserting a 500 cannot pass on a {@code
 * NullPointerException}. Called in the handling thread; a handler that throws lets its exception
 * out of {@link Api#handle}, which only a test should want.
 */
@FunctionalInterface
public interface InternalErrorHandler {
    /**
     * Returns the response to send for a request that failed inside the gateway.
     *
     * @param request the request
     * @param requestId its {@code x-amzn-RequestId}
     * @param extendedRequestId its {@code x-amz-apigw-id}
     * @param failure what was thrown
     */
    Response handle(Request request, String requestId, String extendedRequestId, Throwable failure);

    /**
     * Returns the default handler: logs the failure at ERROR with the request and answers 500
     * {@code {"message": "Internal server error"}} with {@code x-amzn-ErrorType:
     * InternalServerErrorException}.
     */
    static InternalErrorHandler logAndAnswer500() {
        return InternalErrors::logAndAnswer500;
    }
}
