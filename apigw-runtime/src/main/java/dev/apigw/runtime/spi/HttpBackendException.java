package dev.apigw.runtime.spi;

/**
 * An HTTP backend could not be reached, did not answer within the integration timeout, or gave an
 * answer API Gateway does not pass on. API Gateway answers the first with INTEGRATION_FAILURE
 * (504), the second with INTEGRATION_TIMEOUT and the last with INTEGRATION_FAILURE and 502.
 */
public final class HttpBackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Failure {
        /** No answer within the timeout. */
        TIMEOUT,
        /** Connection refused or reset, unknown host, TLS failure, or any other I/O error. */
        NETWORK,
        /**
         * An answer that is not HTTP, or over a limit: a status line, header section or body too
         * large, a header that is not a valid field (reference 9.5).
         */
        INVALID_RESPONSE
    }

    private final Failure failure;

    /** Creates an exception for a failure, with its cause. */
    public HttpBackendException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    /** Returns why the call failed. */
    public Failure failure() {
        return failure;
    }
}
