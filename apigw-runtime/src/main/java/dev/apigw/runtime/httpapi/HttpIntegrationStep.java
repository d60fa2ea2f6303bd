package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;
import java.util.Optional;

/**
 * Calls the integration of the request's route, the innermost HTTP API step (reference 7.2, 11.1).
 * A route without an integration answers 404 {@code {"message":"Not Found"}} (reference 3.3; the
 * case is not recorded, see docs/differences.md).
 */
public final class HttpIntegrationStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledRoute route = exchange.target(CompiledRoute.class);
        Optional<RouteIntegration> integration = route.integration();
        if (integration.isEmpty()) {
            exchange.trace().add("integration", "The route has no integration: ", route.place());
            throw GatewayException.of(GatewayResponseType.RESOURCE_NOT_FOUND);
        }
        return integration.get().invoke(exchange);
    }
}
