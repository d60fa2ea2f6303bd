package dev.apigw.runtime.auth;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.auth.sigv4.SigV4Outcome;
import dev.apigw.runtime.httpapi.RouteAuthorization;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IamIdentity;

/**
 * Authorizes the caller of an HTTP API route with {@code authorizationType AWS_IAM} (reference 8.7)
 * by its SigV4 signature, verified as for REST methods ({@link IamAuthorizer}). HTTP APIs answer
 * with their fixed errors (reference 3.3): an unsigned request, a bad signature or a stale date
 * answer 403 {@code {"message":"Forbidden"}} (see docs/differences.md), the reason going to the log
 * only. A verified caller fills {@code $context.identity} and the event's {@code
 * requestContext.authorizer.iam}. Thread-safe.
 */
final class HttpIamAuthorizer implements RouteAuthorizer {
    @Override
    public Outcome authorize(Exchange exchange) {
        SigV4Outcome outcome = IamAuthorizer.verify(exchange);
        if (outcome instanceof SigV4Outcome.Failure failure) {
            throw GatewayException.of(GatewayResponseType.ACCESS_DENIED, failure.message());
        }
        IamIdentity identity = IamAuthorizer.identityOf((SigV4Outcome.Verified) outcome);
        return Outcome.authorized(RouteAuthorization.iam(identity));
    }
}
