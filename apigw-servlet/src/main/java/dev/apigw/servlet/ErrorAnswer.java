package dev.apigw.servlet;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the server answers when the gateway itself cannot (a request Jetty rejects, a body the
 * adapter cannot read, a failure of the handler), shaped as API Gateway's own errors (reference
 * 3.1, 10.6): a JSON {@code message}, {@code Content-Type: application/json}, {@code
 * x-amzn-ErrorType} and a fresh {@code x-amzn-RequestId}. A request line or headers too large for
 * the container (414, 431, 413) get the gateway's REQUEST_TOO_LARGE answer, 413 {@code
 * {"message":"Request Too Long"}} (reference 9.5); any other 4xx keeps its status with the built-in
 * 4xx body, {@code {"message":"Bad Request"}} for 400, and an unsupported HTTP version (505, the
 * client's fault) is that 400; any other 5xx is AWS's DEFAULT_5XX, 500 {@code {"message": "Internal
 * server error"}}.
 *
 * @param status the status sent
 * @param errorType the {@code x-amzn-ErrorType} value
 * @param body the JSON body
 */
record ErrorAnswer(int status, String errorType, byte[] body) {
    /** The content type of every answer. */
    static final String CONTENT_TYPE = "application/json";

    /** Returns the answer for a status the container or the adapter chose. */
    static ErrorAnswer forStatus(int status, String reason) {
        if (status == 413 || status == 414 || status == 431) {
            return new ErrorAnswer(
                    413, "RequestTooLargeException", json("{\"message\":\"Request Too Long\"}"));
        }
        if (status == 505) {
            return forStatus(400, "Bad Request");
        }
        if (status >= 400 && status < 500) {
            return new ErrorAnswer(
                    status,
                    "BadRequestException",
                    json("{\"message\":\"" + (reason == null ? "Bad Request" : reason) + "\"}"));
        }
        return new ErrorAnswer(
                500,
                "InternalServerErrorException",
                json("{\"message\": \"Internal server error\"}"));
    }

    /** Returns a fresh request id, shaped as API Gateway's (a random UUID). */
    static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
