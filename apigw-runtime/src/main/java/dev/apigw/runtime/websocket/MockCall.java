package dev.apigw.runtime.websocket;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.integration.MockStatus;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.Optional;

/**
 * A WebSocket {@code MOCK} integration (reference 6.1): the {@code statusCode} of the JSON its
 * request template produced ({@link MockStatus}) is the status, 200 without a template or without
 * {@code statusCode}; the answer has no body, its integration response's template makes one. Output
 * that is not JSON or a {@code statusCode} that is not a status is a configuration error (500).
 * Immutable and thread-safe.
 */
final class MockCall implements IntegrationCall {
    /** The one instance. */
    static final MockCall INSTANCE = new MockCall();

    private MockCall() {}

    @Override
    public Answer call(RouteRequest request, Mapped mapped) {
        int status;
        try {
            status = mapped.templateApplied() ? MockStatus.of(mapped.body()) : 200;
        } catch (IllegalArgumentException e) {
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        return new Answer(status, Headers.empty(), new byte[0], Optional.empty());
    }
}
