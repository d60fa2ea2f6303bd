package dev.apigw.runtime.auth;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IamIdentity;
import dev.apigw.runtime.pipeline.Step;
import java.util.Optional;

/**
 * Decides whether the authenticated caller may invoke the method (reference 8.8): the identity
 * side's decision ({@link AuthorizerStep}) combined with the resource policy's. {@code NONE}: a
 * resource policy needs an explicit Allow. {@code CUSTOM}: table A (the authorizer's Deny, or no
 * Allow covering the method ARN, answers 403 ACCESS_DENIED {@code User is not authorized to access
 * this resource[ with an explicit deny]}). {@code COGNITO_USER_POOLS}: a resource policy on its own
 * needs an explicit Allow. {@code AWS_IAM}: table A for a caller of the API's account, table B
 * (both must allow) for another account's; the message names the caller's ARN.
 */
public final class PolicyDecisionStep implements Step {
    private static final String NOT_AUTHORIZED = "User is not authorized to access this resource";

    @Override
    public Response apply(Exchange exchange, Chain next) {
        AuthorizationType type = exchange.route().target().authorizationType();
        Optional<ResourcePolicy> policy = ResourcePolicy.of(exchange);
        switch (type) {
            case AWS_IAM:
                decideIam(exchange, policy);
                break;
            case CUSTOM:
                decideCustom(exchange, policy.isPresent());
                break;
            default:
                if (policy.isPresent()) {
                    PolicyDecision resource = anonymousDecision(exchange);
                    if (resource != PolicyDecision.ALLOW) {
                        throw ResourcePolicyStep.denied(
                                exchange, "anonymous", MethodArn.of(exchange), resource);
                    }
                }
        }
        return next.proceed(exchange);
    }

    private static void decideCustom(Exchange exchange, boolean hasPolicy) {
        PolicyDecision identity = identityDecision(exchange);
        if (identity == PolicyDecision.DENY) {
            throw accessDenied(exchange, NOT_AUTHORIZED + " with an explicit deny");
        }
        PolicyDecision resource = hasPolicy ? anonymousDecision(exchange) : PolicyDecision.NO_MATCH;
        if (PolicyEvaluator.combine(identity, resource, true) != PolicyDecision.ALLOW) {
            throw accessDenied(exchange, NOT_AUTHORIZED);
        }
    }

    private static void decideIam(Exchange exchange, Optional<ResourcePolicy> policy) {
        IamIdentity caller = exchange.caller().iamIdentity().orElseThrow();
        boolean sameAccount = caller.accountId().equals(exchange.gateway().accountId());
        if (policy.isEmpty() && sameAccount) {
            return;
        }
        String methodArn = MethodArn.of(exchange);
        PolicyDecision resource =
                policy.isEmpty()
                        ? PolicyDecision.NO_MATCH
                        : policy.get().decide(methodArn, RequestConditions.of(exchange));
        PolicyDecision combined =
                PolicyEvaluator.combine(identityDecision(exchange), resource, sameAccount);
        if (combined != PolicyDecision.ALLOW) {
            throw ResourcePolicyStep.denied(exchange, caller.userArn(), methodArn, combined);
        }
    }

    private static PolicyDecision identityDecision(Exchange exchange) {
        return exchange.attribute(AuthorizerStep.IDENTITY_DECISION).orElse(null);
    }

    private static PolicyDecision anonymousDecision(Exchange exchange) {
        return exchange.requireAttribute(ResourcePolicyStep.ANONYMOUS_DECISION);
    }

    private static GatewayException accessDenied(Exchange exchange, String message) {
        exchange.trace().add("authorizer", message);
        return GatewayException.of(GatewayResponseType.ACCESS_DENIED, message);
    }
}
