package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import java.nio.charset.StandardCharsets;

/**
 * The fixed error answers of HTTP APIs (reference 3.3), which, unlike REST gateway responses,
 * cannot be customised: a status and {@code {"message":"..."}} as {@code application/json}.
 */
public final class HttpErrors {
    private HttpErrors() {}

    /** Returns the answer {@code {"message":"<message>"}} with {@code status}. */
    public static Response response(int status, String message) {
        return Response.builder()
                .statusCode(status)
                .setHeader("content-type", "application/json")
                .body(("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * Returns the HTTP API answer to a failure of {@code type} (reference 3.3): no stage or route
     * 404 {@code Not Found}; a refused JWT or missing identity 401 {@code Unauthorized}; an
     * authorizer's refusal 403 {@code Forbidden}; throttling 429 {@code Too Many Requests}; a
     * request over the limits 413 {@code Request Entity Too Large} or, when {@code status} is 400,
     * {@code Bad Request}; a route ARN past 1,600 bytes (status 414, reference 9.5) 414 {@code
     * Request-URI Too Long}, as REST APIs answer it; an integration timeout 503 {@code Service
     * Unavailable}; any other failure 500 {@code Internal Server Error}.
     */
    public static Response of(GatewayResponseType type, int status) {
        return answer(type, status).response();
    }

    /** Returns the status and message of the HTTP API answer to a failure, as {@link #of}. */
    static Answer answer(GatewayResponseType type, int status) {
        return switch (type) {
            case MISSING_AUTHENTICATION_TOKEN, RESOURCE_NOT_FOUND -> new Answer(404, "Not Found");
            case UNAUTHORIZED -> new Answer(401, "Unauthorized");
            case ACCESS_DENIED -> new Answer(403, "Forbidden");
            case THROTTLED -> new Answer(429, "Too Many Requests");
            case REQUEST_TOO_LARGE -> new Answer(413, "Request Entity Too Large");
            case INTEGRATION_TIMEOUT -> new Answer(503, "Service Unavailable");
            default ->
                    switch (status) {
                        case 400 -> new Answer(400, "Bad Request");
                        case 414 -> new Answer(414, "Request-URI Too Long");
                        default -> new Answer(500, "Internal Server Error");
                    };
        };
    }

    /**
     * An HTTP API error answer before it is rendered.
     *
     * @param status the status code
     * @param message the {@code message} of the body
     */
    record Answer(int status, String message) {
        /** Renders the answer, {@code {"message":"<message>"}} as {@code application/json}. */
        Response response() {
            return HttpErrors.response(status, message);
        }
    }
}
