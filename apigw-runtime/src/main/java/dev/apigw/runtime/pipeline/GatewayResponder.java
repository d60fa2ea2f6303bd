package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;

/**
 * Renders a rejected request as a deployment's gateway response (reference section 3): what a
 * compiled deployment holds for its gateway responses, so that the deployment names no feature.
 * Thread-safe.
 */
@FunctionalInterface
public interface GatewayResponder {
    /** Returns the response to {@code error}, thrown while handling {@code exchange}. */
    Response render(GatewayException error, Exchange exchange);
}
