package dev.apigw.runtime.websocket;

import java.util.function.Supplier;

/**
 * The integration a WebSocket route calls (reference 2.6, 7.3): given the route's Lambda proxy
 * event (built only if the integration needs it), it returns the answer. Never throws. Thread-safe.
 */
interface RouteIntegration {
    /** Calls the integration. */
    RouteAnswer invoke(Supplier<byte[]> event);

    /**
     * A {@code MOCK} integration: answers 200 without a body (its templates are not served yet).
     */
    RouteIntegration MOCK = event -> RouteAnswer.OK;

    /**
     * An integration type this runtime does not serve yet ({@code AWS}, {@code HTTP}, {@code
     * HTTP_PROXY}, a non-Lambda {@code AWS_PROXY}): fails as an integration failure, 500.
     */
    RouteIntegration NOT_SERVED = event -> RouteAnswer.failure(500);
}
