package dev.apigw.runtime.integration;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;

/**
 * Ends the chain: calls the method's integration through the invoker compiled for its type.
 * Invokers turn the host's failures into INTEGRATION_FAILURE or INTEGRATION_TIMEOUT.
 */
public final class IntegrationStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledMethod method = exchange.method();
        exchange.trace().add("integration", "Sending request to ", method.integration());
        Response response = method.invoker().invoke(exchange);
        exchange.trace().add("integration", "Received response. Status: ", response.statusCode());
        return response;
    }
}
