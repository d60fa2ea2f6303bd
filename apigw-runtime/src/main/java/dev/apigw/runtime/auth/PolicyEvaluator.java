package dev.apigw.runtime.auth;

import java.util.Objects;

/**
 * Decides a request against a policy and combines decisions (reference 8.8). A document's decision:
 * {@link PolicyDecision#DENY} if any statement that applies denies (an explicit deny wins), else
 * {@link PolicyDecision#ALLOW} if one allows, else {@link PolicyDecision#NO_MATCH}. Two decisions
 * combine by the reference's table A (caller in the API owner's account: either side may allow) or
 * table B (another account: both must allow).
 */
public final class PolicyEvaluator {
    /** The action every API Gateway invocation is checked for (reference 8.7, 8.8). */
    public static final String INVOKE = "execute-api:Invoke";

    private PolicyEvaluator() {}

    /**
     * Decides {@code action} on {@code methodArn} ({@code
     * arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}) for the caller and
     * request of {@code context}.
     */
    public static PolicyDecision evaluate(
            PolicyDocument document, String action, String methodArn, EvaluationContext context) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(methodArn, "methodArn");
        Objects.requireNonNull(context, "context");
        PolicyDecision decision = PolicyDecision.NO_MATCH;
        for (Statement statement : document.statements()) {
            if (statement.applies(action, methodArn, context)) {
                if (statement.effect() == PolicyDecision.DENY) {
                    return PolicyDecision.DENY;
                }
                decision = PolicyDecision.ALLOW;
            }
        }
        return decision;
    }

    /**
     * Combines the decision of the caller's identity (IAM, or a Lambda or Cognito authorizer) with
     * the resource policy's by table A ({@code sameAccount}) or table B (reference 8.8).
     */
    public static PolicyDecision combine(
            PolicyDecision identity, PolicyDecision resourcePolicy, boolean sameAccount) {
        if (identity == PolicyDecision.DENY || resourcePolicy == PolicyDecision.DENY) {
            return PolicyDecision.DENY;
        }
        boolean allowed =
                sameAccount
                        ? identity == PolicyDecision.ALLOW || resourcePolicy == PolicyDecision.ALLOW
                        : identity == PolicyDecision.ALLOW
                                && resourcePolicy == PolicyDecision.ALLOW;
        return allowed ? PolicyDecision.ALLOW : PolicyDecision.NO_MATCH;
    }
}
