package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.routing.RouteMatch;
import java.util.Optional;

/**
 * Finds the route of an HTTP API request (reference 7.2); no route answers 404 {@code
 * {"message":"Not Found"}} (reference 3.3). The matched route is the exchange's target ({@link
 * CompiledRoute}).
 */
public final class HttpRouteStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledHttpApi api = exchange.state().feature(CompiledHttpApi.KEY);
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        Optional<RouteMatch<CompiledRoute>> match =
                api.route(exchange.request().httpMethod(), resolution.path());
        if (match.isEmpty()) {
            exchange.trace()
                    .add(
                            "route",
                            "No route for: ",
                            exchange.request().httpMethod() + " " + resolution.path());
            throw GatewayException.of(GatewayResponseType.RESOURCE_NOT_FOUND);
        }
        return next.proceed(exchange.withRoute(match.get()));
    }
}
