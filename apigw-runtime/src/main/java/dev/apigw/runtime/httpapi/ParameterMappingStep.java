package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;

/**
 * Applies the parameter mappings of the route's integration (reference 5.5), just outside the
 * integration: the request mappings change the headers, query string and path the integration
 * sends; the response mappings of the answer's status code change its headers and status code. A
 * failure of the integration (a gateway error) is not mapped.
 */
public final class ParameterMappingStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledRoute route = exchange.target(CompiledRoute.class);
        ParameterMappings mappings = route.features().get(ParameterMappings.KEY).orElse(null);
        if (mappings == null || mappings.isEmpty()) {
            return next.proceed(exchange);
        }
        Exchange mapped = mappings.request(exchange);
        return mappings.response(mapped, next.proceed(mapped));
    }
}
