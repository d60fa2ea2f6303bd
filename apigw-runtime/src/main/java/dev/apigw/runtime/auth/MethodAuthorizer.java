package dev.apigw.runtime.auth;

import dev.apigw.runtime.pipeline.Exchange;

/**
 * Authenticates the caller of a method the way its authorization type says (reference 8.1 step 3):
 * verifies a SigV4 signature, calls a Lambda authorizer or checks a Cognito token. A caller it
 * cannot authenticate is rejected with AWS's gateway response (a {@link
 * dev.apigw.runtime.pipeline.GatewayException}); one it can is returned with what it established
 * and its identity-side policy decision, which {@link PolicyDecisionStep} combines with the
 * resource policy (reference 8.8).
 */
public interface MethodAuthorizer {
    /**
     * Authenticates the exchange's caller; returns the exchange with what was established and the
     * identity's decision, or throws a gateway response.
     */
    Authorization authorize(Exchange exchange);

    /**
     * What an authorizer established.
     *
     * @param exchange the exchange with the caller's identity or authorizer output
     * @param decision the identity side's decision: a Lambda authorizer's policy evaluated on the
     *     method ARN, {@code ALLOW} for a verified IAM caller or a valid Cognito token
     */
    record Authorization(Exchange exchange, PolicyDecision decision) {}
}
