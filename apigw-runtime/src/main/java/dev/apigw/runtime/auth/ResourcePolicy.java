package dev.apigw.runtime.auth;

import dev.apigw.model.RestApi;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.Optional;

/**
 * A REST API's resource policy (reference 8.8), parsed once when its deployment is compiled, with
 * the {@code execute-api:/} shorthand expanded for the API's region, account and id. It decides a
 * request for an anonymous caller, or for the IAM caller of a signed request.
 */
public final class ResourcePolicy {
    /** The deployment's compiled resource policy, empty when the API has none. */
    public static final AttributeKey<Optional<ResourcePolicy>> KEY =
            AttributeKey.of("resourcePolicy");

    private final PolicyDocument document;

    private ResourcePolicy(PolicyDocument document) {
        this.document = document;
    }

    /**
     * Compiles the API's resource policy, if it has one; fails with {@link
     * IllegalArgumentException} naming the JSON place of a malformed one.
     */
    public static Optional<ResourcePolicy> compile(RestApi api, String region, String accountId) {
        if (api.policy().isEmpty() || api.policy().get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ResourcePolicy(
                            PolicyDocument.parseResourcePolicy(
                                    api.policy().get(), region, accountId, api.id())));
        } catch (MalformedPolicyException e) {
            throw new IllegalArgumentException("resource policy: " + e.getMessage(), e);
        }
    }

    /** Returns the resource policy of the deployment that serves the exchange, if any. */
    public static Optional<ResourcePolicy> of(Exchange exchange) {
        return exchange.stage().deployment().feature(KEY);
    }

    /** Decides {@code execute-api:Invoke} on the method ARN for the caller of {@code context}. */
    public PolicyDecision decide(String methodArn, EvaluationContext context) {
        return decide(PolicyEvaluator.INVOKE, methodArn, context);
    }

    /**
     * Decides {@code action} (e.g. {@code execute-api:InvalidateCache}) on the method ARN for the
     * caller of {@code context}.
     */
    public PolicyDecision decide(String action, String methodArn, EvaluationContext context) {
        return PolicyEvaluator.evaluate(document, action, methodArn, context);
    }
}
