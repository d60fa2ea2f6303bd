package dev.apigw.runtime.websocket;

import java.util.Map;
import java.util.Optional;

/**
 * What a route's integration answered (reference 2.6): a status code, headers and a body to send
 * back, or a failure of the integration (the function failed, timed out, could not be called, or
 * answered something that is no proxy answer) with the HTTP status a refused {@code $connect}
 * carries. Immutable.
 *
 * @param statusCode the answer's {@code statusCode}, or the status of a failure
 * @param headers the answer's headers
 * @param body the frame to send back, if the answer had a body
 * @param failed whether the integration failed
 */
record RouteAnswer(
        int statusCode, Map<String, String> headers, Optional<Frame> body, boolean failed) {
    /** An answer without body: 200. */
    static final RouteAnswer OK = new RouteAnswer(200, Map.of(), Optional.empty(), false);

    RouteAnswer {
        headers = Map.copyOf(headers);
    }

    /** Returns a failure answering {@code statusCode} on {@code $connect}. */
    static RouteAnswer failure(int statusCode) {
        return new RouteAnswer(statusCode, Map.of(), Optional.empty(), true);
    }

    /** Returns whether the status code is 2xx. */
    boolean isSuccess() {
        return !failed && statusCode >= 200 && statusCode < 300;
    }
}
