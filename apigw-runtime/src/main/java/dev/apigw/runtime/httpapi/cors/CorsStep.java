package dev.apigw.runtime.httpapi.cors;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RequestRecord;
import dev.apigw.runtime.pipeline.Step;
import java.util.Optional;

/**
 * CORS of an HTTP API with a CORS configuration (reference 11.2, 7.2), outside the step that
 * answers errors so that its headers reach every answer, errors included (404, 401, 429, 500...). A
 * preflight goes through routing like any request: a route that matches it ({@code OPTIONS /path},
 * {@code ANY}, a greedy path or {@code $default}) serves it, its authorizer included (reference
 * 11.2: an authorized {@code $default} route catches preflights); when no route matches, API
 * Gateway answers the preflight itself, as {@link CorsPolicy#preflight} says, and the request is
 * not an error. Every other answer gets {@link CorsPolicy#actual}. An API without a CORS
 * configuration passes through untouched.
 */
public final class CorsStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        Optional<CorsPolicy> configured = exchange.state().features().get(CorsPolicy.KEY);
        if (configured.isEmpty()) {
            return next.proceed(exchange);
        }
        CorsPolicy policy = configured.get();
        Response response = next.proceed(exchange);
        if (policy.isPreflight(exchange.request()) && routedNowhere(exchange.record())) {
            exchange.trace().add("cors", "Preflight answered by API Gateway: ", "204");
            exchange.record().clearGatewayError();
            return policy.preflight(exchange.request());
        }
        return policy.actual(exchange.request(), response);
    }

    /** Returns whether the request was refused because no stage or route matched it. */
    private static boolean routedNowhere(RequestRecord record) {
        return record.errorType()
                        .filter(t -> t == GatewayResponseType.RESOURCE_NOT_FOUND)
                        .isPresent()
                && (record.latest() == null || record.latest().matchedRoute().isEmpty());
    }
}
