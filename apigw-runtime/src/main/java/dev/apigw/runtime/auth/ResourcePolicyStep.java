package dev.apigw.runtime.auth;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.EndpointType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;
import java.util.Optional;

/**
 * The resource policy's check before authentication (reference 8.1 step 2, 8.8): a PRIVATE API
 * accepts only requests that came through a VPC endpoint ({@link
 * dev.apigw.runtime.Request#sourceVpce()}), one of the API's own when it lists some; then, for
 * every method but {@code AWS_IAM} ones (whose caller is known only after the signature is
 * verified), an explicit Deny of the resource policy answers 403 ACCESS_DENIED at once, before a
 * Lambda authorizer is called. The decision is kept for {@link PolicyDecisionStep}.
 */
public final class ResourcePolicyStep implements Step {
    /** The resource policy's decision for an anonymous caller, when the API has a policy. */
    static final AttributeKey<PolicyDecision> ANONYMOUS_DECISION =
            AttributeKey.of("resourcePolicyDecision");

    @Override
    public Response apply(Exchange exchange, Chain next) {
        checkEndpoint(exchange);
        Optional<ResourcePolicy> policy = ResourcePolicy.of(exchange);
        if (policy.isEmpty()
                || exchange.route().target().authorizationType() == AuthorizationType.AWS_IAM) {
            return next.proceed(exchange);
        }
        String methodArn = MethodArn.of(exchange);
        PolicyDecision decision = policy.get().decide(methodArn, RequestConditions.of(exchange));
        if (decision == PolicyDecision.DENY) {
            throw denied(exchange, "anonymous", methodArn, decision);
        }
        return next.proceed(exchange.withAttribute(ANONYMOUS_DECISION, decision));
    }

    /**
     * Returns the resource policy's 403 ACCESS_DENIED (reference 8.8, 3.1): {@code User: <caller>
     * is not authorized to perform: execute-api:Invoke on resource: <arn>}, with {@code with an
     * explicit deny} after an explicit Deny.
     */
    static GatewayException denied(
            Exchange exchange, String caller, String methodArn, PolicyDecision decision) {
        String message =
                "User: "
                        + caller
                        + " is not authorized to perform: execute-api:Invoke on resource: "
                        + methodArn
                        + (decision == PolicyDecision.DENY ? " with an explicit deny" : "");
        exchange.trace().add("resource-policy", message);
        return GatewayException.of(GatewayResponseType.ACCESS_DENIED, message);
    }

    private static void checkEndpoint(Exchange exchange) {
        EndpointConfiguration endpoint =
                exchange.stage().deployment().restApi().endpointConfiguration();
        if (!endpoint.types().contains(EndpointType.PRIVATE)) {
            return;
        }
        String vpce = exchange.request().sourceVpce().orElse(null);
        if (vpce == null
                || !(endpoint.vpcEndpointIds().isEmpty()
                        || endpoint.vpcEndpointIds().contains(vpce))) {
            exchange.trace()
                    .add("resource-policy", "Private API called from outside its VPC endpoints");
            throw denied(exchange, "anonymous", MethodArn.of(exchange), PolicyDecision.NO_MATCH);
        }
    }
}
