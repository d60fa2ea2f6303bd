package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;

/**
 * Calls the integration of one method for one request and returns the endpoint response: for proxy
 * integrations the final response, for the others the raw answer that the integration response step
 * maps. Created once per method when an API is built. Internal.
 */
@FunctionalInterface
public interface IntegrationInvoker {
    /** Calls the integration. */
    Response invoke(Exchange exchange);
}
