package dev.apigw.runtime.websocket;

import dev.apigw.runtime.Headers;
import java.util.Optional;

/**
 * The backend of a WebSocket non-proxy or {@code HTTP_PROXY} integration (reference 6.1, 7.3): an
 * HTTP endpoint, a Lambda function without the proxy event, an AWS service or no backend ({@code
 * MOCK}). Given the mapped integration request it returns the backend's answer, or throws a {@link
 * dev.apigw.runtime.pipeline.GatewayException} whose status is the failure's (500 configuration
 * error, 502 bad answer, 504 timeout or network error). Thread-safe.
 */
interface IntegrationCall {
    /** Calls the backend. */
    Answer call(RouteRequest request, Mapped mapped);

    /**
     * The integration request after templates and mappings.
     *
     * @param body the body: the rendered template, or the message passed through
     * @param templateApplied whether a request template produced the body
     * @param parameters the mapped headers, query parameters and path values
     */
    record Mapped(byte[] body, boolean templateApplied, RequestParameters.Mapped parameters) {}

    /**
     * What the backend answered.
     *
     * @param statusCode its status ({@code 200} for a Lambda function that ran)
     * @param headers its headers
     * @param body its body (a Lambda function's payload, or its error payload)
     * @param errorMessage a Lambda function error's {@code errorMessage}, which selects the
     *     integration response instead of the status (reference 6.1)
     */
    record Answer(int statusCode, Headers headers, byte[] body, Optional<String> errorMessage) {}
}
