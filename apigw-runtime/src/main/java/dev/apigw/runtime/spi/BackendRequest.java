package dev.apigw.runtime.spi;

import dev.apigw.runtime.Headers;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An integration request to an HTTP backend.
 *
 * @param httpMethod the method to send
 * @param uri the absolute URI, query included
 * @param headers the headers to send
 * @param body the body (not copied: do not change it)
 * @param timeout the integration timeout
 * @param insecureSkipVerification whether TLS certificate checks are skipped
 */
public record BackendRequest(
        String httpMethod,
        URI uri,
        Headers headers,
        byte[] body,
        Duration timeout,
        boolean insecureSkipVerification) {
    /** Checks that no field is null. */
    public BackendRequest {
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
    }
}
