package dev.apigw.runtime.auth;

import dev.apigw.runtime.auth.sigv4.SigV4Outcome;
import dev.apigw.runtime.auth.sigv4.SigV4Verifier;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IamIdentity;

/**
 * Authenticates the caller of an {@code AWS_IAM} method (reference 8.7): the request's SigV4
 * signature (service {@code execute-api}, the API's region) is verified against the credentials the
 * host's {@link dev.apigw.runtime.spi.CredentialsResolver} knows. Unsigned answers 403
 * MISSING_AUTHENTICATION_TOKEN, a bad signature 403 INVALID_SIGNATURE, a stale {@code X-Amz-Date}
 * 403 EXPIRED_TOKEN, with AWS's messages (reference 3.1). A verified caller fills {@code
 * $context.identity.accessKey}, {@code accountId}, {@code caller}, {@code user} and {@code
 * userArn}. The caller's own IAM policies are not modelled for invocation: a verified caller's
 * identity side allows, and a caller of another account needs the resource policy's explicit Allow
 * (table B). Only {@code execute-api:InvalidateCache} reads the identity policy the credentials may
 * carry ({@link CacheInvalidation}, reference 9.3).
 */
final class IamAuthorizer implements MethodAuthorizer {
    @Override
    public Authorization authorize(Exchange exchange) {
        SigV4Outcome outcome = verify(exchange);
        if (outcome instanceof SigV4Outcome.Failure failure) {
            throw GatewayException.of(failure.type(), failure.message());
        }
        IamIdentity identity = identityOf((SigV4Outcome.Verified) outcome);
        return new Authorization(exchange.withIamIdentity(identity), PolicyDecision.ALLOW);
    }

    /**
     * Verifies the SigV4 signature of the exchange's request (service {@code execute-api}, the
     * account's region and clock) and writes the outcome to the execution log.
     */
    static SigV4Outcome verify(Exchange exchange) {
        SigV4Verifier verifier =
                new SigV4Verifier(
                        exchange.backends().credentials(),
                        exchange.gateway().clock(),
                        exchange.gateway().region(),
                        false);
        SigV4Outcome outcome = verifier.verify(exchange.request());
        if (outcome instanceof SigV4Outcome.Failure failure) {
            exchange.trace().add("authorizer", "IAM authentication failed: ", failure.message());
        } else {
            exchange.trace()
                    .add(
                            "authorizer",
                            "IAM caller authenticated: ",
                            ((SigV4Outcome.Verified) outcome).userArn());
        }
        return outcome;
    }

    /** Returns the {@code $context.identity} of a verified caller. */
    static IamIdentity identityOf(SigV4Outcome.Verified caller) {
        return new IamIdentity(
                caller.accessKey(),
                caller.accountId(),
                caller.accessKey(),
                caller.accessKey(),
                caller.userArn());
    }
}
