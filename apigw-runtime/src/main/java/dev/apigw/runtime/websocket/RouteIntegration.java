package dev.apigw.runtime.websocket;

/**
 * The integration a WebSocket route calls (reference 2.6, 6, 7.3): given the call (the connection,
 * the message, the Lambda proxy event built only if the integration needs it), it returns the
 * answer. Never throws. Thread-safe.
 */
interface RouteIntegration {
    /** Calls the integration. */
    RouteAnswer invoke(RouteRequest request);

    /**
     * An {@code AWS_PROXY} integration that names no Lambda function, which WebSocket APIs do not
     * have: fails as an integration failure, 500.
     */
    RouteIntegration NO_FUNCTION = request -> RouteAnswer.failure(500);
}
