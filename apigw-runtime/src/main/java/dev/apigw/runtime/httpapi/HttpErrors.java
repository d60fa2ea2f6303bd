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
     * {@code Bad Request}; an integration timeout 503 {@code Service Unavailable}; any other
     * failure 500 {@code Internal Server Error}.
     */
    public static Response of(GatewayResponseType type, int status) {
        return switch (type) {
            case MISSING_AUTHENTICATION_TOKEN, RESOURCE_NOT_FOUND -> response(404, "Not Found");
            case UNAUTHORIZED -> response(401, "Unauthorized");
            case ACCESS_DENIED -> response(403, "Forbidden");
            case THROTTLED -> response(429, "Too Many Requests");
            case REQUEST_TOO_LARGE -> response(413, "Request Entity Too Large");
            case INTEGRATION_TIMEOUT -> response(503, "Service Unavailable");
            default ->
                    status == 400
                            ? response(400, "Bad Request")
                            : response(500, "Internal Server Error");
        };
    }
}
