package dev.apigw.runtime.http;

import dev.apigw.runtime.Headers;

/**
 * What the default {@link dev.apigw.runtime.spi.HttpBackend} accepts from a backend before it
 * reports the answer as {@link
 * dev.apigw.runtime.spi.HttpBackendException.Failure#INVALID_RESPONSE}, which API Gateway answers
 * with 502 (reference 3.1 INTEGRATION_FAILURE, 9.5). AWS documents the 10 MB payload limit for
 * responses; its limits for a backend's status line and header section are not documented, so the
 * header section gets the 10,240 bytes AWS allows a client's headers (names, values and 4 bytes per
 * field) and the status line 8,192 characters: our choice.
 */
final class BackendResponseLimits {
    /** The largest body passed on (reference 9.5, payload size). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** The largest header section: names and values plus 4 bytes per field. */
    static final int MAX_HEADER_BYTES = 10_240;

    /** The longest status line, reason phrase included. */
    static final int MAX_STATUS_LINE = 8_192;

    private BackendResponseLimits() {}

    /**
     * Returns why a backend's headers cannot be passed on (over {@link #MAX_HEADER_BYTES}, a name
     * that is not a token, a value with a control character), or null when they can.
     */
    static String headerProblem(Headers headers) {
        long size = 0;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            size += name.length() + value.length() + 4L;
            if (size > MAX_HEADER_BYTES) {
                return "response headers exceed " + MAX_HEADER_BYTES + " bytes";
            }
            if (!Headers.isValidName(name) || !Headers.isValidValue(value)) {
                return "invalid response header " + name;
            }
        }
        return null;
    }
}
