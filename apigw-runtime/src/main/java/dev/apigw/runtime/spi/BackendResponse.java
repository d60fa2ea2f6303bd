package dev.apigw.runtime.spi;

import dev.apigw.runtime.Headers;
import java.util.Objects;

/**
 * An HTTP backend's answer.
 *
 * @param statusCode the status code
 * @param headers the headers, as the backend sent them
 * @param body the body (not copied: do not change it)
 */
public record BackendResponse(int statusCode, Headers headers, byte[] body) {
    /** Checks that no field is null. */
    public BackendResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }
}
