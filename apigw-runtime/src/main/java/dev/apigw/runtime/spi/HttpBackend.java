package dev.apigw.runtime.spi;

/**
 * Sends an integration request to an HTTP backend and returns its answer. A backend that cannot be
 * reached or does not answer in time is reported by throwing {@link HttpBackendException}.
 *
 * <p>Implementations must be thread-safe. The default, on {@code java.net.http}, is {@code
 * dev.apigw.runtime.http.JdkHttpBackend.create()}.
 */
@FunctionalInterface
public interface HttpBackend {
    /** Sends the request and returns the backend's response. */
    BackendResponse send(BackendRequest request);
}
