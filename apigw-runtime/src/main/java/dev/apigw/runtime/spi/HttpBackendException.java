package dev.apigw.runtime.spi;

/**
 * An HTTP backend could not be reached or did not answer within the integration timeout. API
 * Gateway answers the first with INTEGRATION_FAILURE and the second with INTEGRATION_TIMEOUT.
 */
public final class HttpBackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Failure {
        /** No answer within the timeout. */
        TIMEOUT,
        /** Connection refused or reset, unknown host, TLS failure, or any other I/O error. */
        NETWORK
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
