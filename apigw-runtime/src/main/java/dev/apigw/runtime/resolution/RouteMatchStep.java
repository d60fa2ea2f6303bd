package dev.apigw.runtime.resolution;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.routing.RouteMatch;

/**
 * Finds the resource method for the path after the stage (reference section 7.1). An unknown path
 * and an unknown method both get MISSING_AUTHENTICATION_TOKEN (403): REST APIs never answer 404 or
 * 405 for routing.
 */
public final class RouteMatchStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        RouteMatch<CompiledMethod> route =
                exchange.stage()
                        .deployment()
                        .routes()
                        .match(exchange.request().httpMethod(), exchange.resourcePath())
                        .orElseThrow(
                                () ->
                                        GatewayException.of(
                                                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
        return next.proceed(exchange.withRoute(route));
    }
}
