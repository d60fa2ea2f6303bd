package dev.apigw.runtime.auth;

import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.IamIdentity;
import dev.apigw.runtime.spi.IamCredentials;
import java.util.Optional;

/**
 * Decides whether the caller of a request may invalidate its stage cache entry (reference 9.3,
 * 8.7): the caller must be an IAM caller whose SigV4 signature verified (an {@code AWS_IAM} method)
 * and be allowed {@code execute-api:InvalidateCache} on the request's method ARN ({@code
 * arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}), by its identity policy
 * ({@link IamCredentials#policy()}) or by the resource policy, combined by table A (the API's
 * account: either may allow) or table B (another account: both must), an explicit Deny winning.
 *
 * <p>Differs from AWS: an IAM policy is only known through the credentials the host binds, so a
 * caller of a method authorized otherwise ({@code NONE}, {@code CUSTOM}, {@code
 * COGNITO_USER_POOLS}) is never authorized, even with a signed request.
 */
public final class CacheInvalidation {
    /** The action that allows invalidating a cache entry (reference 8.7). */
    public static final String INVALIDATE_CACHE = "execute-api:InvalidateCache";

    private CacheInvalidation() {}

    /** Returns whether the exchange's caller may invalidate the request's cache entry. */
    public static boolean allowed(Exchange exchange) {
        Optional<IamIdentity> caller = exchange.caller().iamIdentity();
        if (caller.isEmpty()) {
            return false;
        }
        String methodArn = MethodArn.of(exchange);
        EvaluationContext context = RequestConditions.of(exchange);
        PolicyDecision identity = identityDecision(exchange, caller.get(), methodArn, context);
        PolicyDecision resource =
                ResourcePolicy.of(exchange)
                        .map(p -> p.decide(INVALIDATE_CACHE, methodArn, context))
                        .orElse(PolicyDecision.NO_MATCH);
        boolean sameAccount = caller.get().accountId().equals(exchange.gateway().accountId());
        return PolicyEvaluator.combine(identity, resource, sameAccount) == PolicyDecision.ALLOW;
    }

    private static PolicyDecision identityDecision(
            Exchange exchange, IamIdentity caller, String methodArn, EvaluationContext context) {
        Optional<String> policy =
                exchange.backends()
                        .credentials()
                        .resolve(caller.accessKey())
                        .flatMap(IamCredentials::policy);
        if (policy.isEmpty()) {
            return PolicyDecision.NO_MATCH;
        }
        try {
            PolicyDocument document =
                    PolicyDocument.parseAuthorizerPolicy(PolicyDocument.read(policy.get()));
            return PolicyEvaluator.evaluate(document, INVALIDATE_CACHE, methodArn, context);
        } catch (MalformedPolicyException e) {
            exchange.trace().add("cache", "The caller's IAM policy is malformed: ", e.getMessage());
            return PolicyDecision.NO_MATCH;
        }
    }
}
