package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;

/**
 * One HTTP API integration compiled for serving: sends the routed request to its backend and
 * returns what the client gets (reference sections 2.3 to 2.5, 5.5, 11.1). A backend's failure is
 * thrown as a {@code GatewayException} ({@code INTEGRATION_FAILURE}, {@code INTEGRATION_TIMEOUT}),
 * which {@link HttpErrorStep} answers. Implementations are immutable and thread-safe.
 */
public interface RouteIntegration {
    /** Calls the backend for {@code exchange}, routed and authorized, and returns the answer. */
    Response invoke(Exchange exchange);
}
