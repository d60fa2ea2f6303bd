package dev.apigw.runtime.auth;

import dev.apigw.model.AuthorizationType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.AuthorizerOutput;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.pipeline.Target;

/**
 * Authenticates the caller of the matched method by its authorization type (reference 8.1 step 3):
 * {@code AWS_IAM} by the request's SigV4 signature, {@code CUSTOM} by the method's Lambda
 * authorizer (TOKEN or REQUEST) and {@code COGNITO_USER_POOLS} by a user pool token; {@code NONE}
 * passes. The authorizer's decision is kept for {@link PolicyDecisionStep}.
 */
public final class AuthorizerStep implements Step {
    /** The identity side's decision, set for every method that has an authorization type. */
    static final AttributeKey<PolicyDecision> IDENTITY_DECISION =
            AttributeKey.of("identityDecision");

    private final MethodAuthorizer iam = new IamAuthorizer();

    /**
     * Registers {@code $context.authorizer} (reference 1.2): {@code principalId} and the {@code
     * context} keys of a Lambda authorizer, stringified, or {@code claims.<name>} of a Cognito
     * token; absent when no authorizer ran.
     */
    public static void contextVariables(ContextVariables.Builder variables) {
        variables.registerDynamicGroup(
                "authorizer",
                e ->
                        e.caller()
                                .authorizerOutput()
                                .map(AuthorizerOutput::templateView)
                                .orElse(null));
    }

    @Override
    public Response apply(Exchange exchange, Chain next) {
        Target target = exchange.route().target();
        MethodAuthorizer authorizer = authorizerOf(exchange, target);
        if (authorizer == null) {
            return next.proceed(exchange);
        }
        MethodAuthorizer.Authorization done = authorizer.authorize(exchange);
        return next.proceed(done.exchange().withAttribute(IDENTITY_DECISION, done.decision()));
    }

    private MethodAuthorizer authorizerOf(Exchange exchange, Target target) {
        AuthorizationType type = target.authorizationType();
        if (type == AuthorizationType.AWS_IAM) {
            return iam;
        }
        if (type == AuthorizationType.CUSTOM || type == AuthorizationType.COGNITO_USER_POOLS) {
            String id = exchange.method().method().authorizerId().orElseThrow();
            return exchange.stage()
                    .deployment()
                    .feature(CompiledAuthorizers.KEY)
                    .get(id)
                    .orElse(null);
        }
        return null;
    }
}
