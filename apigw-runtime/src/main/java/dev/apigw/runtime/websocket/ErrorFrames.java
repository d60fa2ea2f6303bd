package dev.apigw.runtime.websocket;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The error frames a WebSocket API sends a client (reference 7.3): {@code {"message": "Forbidden",
 * "connectionId":"…", "requestId":"…"}} for a message no route takes, {@code "Internal server
 * error"} for an integration that failed, {@code "Too Many Requests"} for a throttled message
 * (reference 9.4), spaced as AWS writes them (the texts are unconfirmed, see docs/differences.md).
 */
final class ErrorFrames {
    /** The message of a message no route takes. */
    static final String FORBIDDEN = "Forbidden";

    /** The message of a failed integration. */
    static final String INTERNAL_SERVER_ERROR = "Internal server error";

    /** The message of a throttled message (reference 9.4). */
    static final String TOO_MANY_REQUESTS = "Too Many Requests";

    /** The message of a message whose integration refused to pass it through (reference 6.2). */
    static final String UNSUPPORTED_MEDIA_TYPE = "Unsupported Media Type";

    private ErrorFrames() {}

    /** Returns the message of a failed integration's status: 415 or any other. */
    static String messageOf(int statusCode) {
        return statusCode == 415 ? UNSUPPORTED_MEDIA_TYPE : INTERNAL_SERVER_ERROR;
    }

    static Frame of(String message, String connectionId, String requestId) {
        return Frame.text(
                "{\"message\": \""
                        + message
                        + "\", \"connectionId\":\""
                        + escape(connectionId)
                        + "\", \"requestId\":\""
                        + escape(requestId)
                        + "\"}");
    }

    private static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
