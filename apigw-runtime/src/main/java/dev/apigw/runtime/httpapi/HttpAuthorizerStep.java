package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.auth.RouteAuthorizer;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;

/**
 * Authorizes the caller of the routed HTTP API request by the route's authorizer, compiled once per
 * route ({@link RouteAuthorizer}): none, IAM (reference 8.7), JWT (8.5) or Lambda (8.6). What it
 * establishes is kept as {@link RouteAuthorization} for the integration and {@code
 * $context.authorizer.*}. A refused JWT answers 401 {@code {"message":"Unauthorized"}} with the
 * {@code www-authenticate} challenge (reference 3.3); the other refusals are thrown and answered by
 * {@link HttpErrorStep}.
 */
public final class HttpAuthorizerStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledRoute route = exchange.target(CompiledRoute.class);
        RouteAuthorizer.Outcome outcome = route.feature(RouteAuthorizer.KEY).authorize(exchange);
        if (outcome.challenge().isPresent()) {
            exchange.record().gatewayError(GatewayResponseType.UNAUTHORIZED, "Unauthorized");
            return HttpErrors.response(401, "Unauthorized")
                    .withHeaders("www-authenticate", outcome.challenge().get());
        }
        if (outcome.authorization().isEmpty()) {
            return next.proceed(exchange);
        }
        RouteAuthorization authorization = outcome.authorization().get();
        Exchange authorized = exchange.withAttribute(RouteAuthorization.KEY, authorization);
        if (authorization.iam().isPresent()) {
            authorized = authorized.withIamIdentity(authorization.iam().get());
        }
        return next.proceed(authorized);
    }
}
