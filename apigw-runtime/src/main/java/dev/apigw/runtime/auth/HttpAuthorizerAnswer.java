package dev.apigw.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API Lambda authorizer's answer, parsed and checked once (reference 8.6). With simple
 * responses: {@code {"isAuthorized": true|false, "context": {...}}}, {@code isAuthorized} a
 * boolean. Otherwise an IAM policy as REST authorizers answer it (reference 8.3): {@code
 * policyDocument} (required, parsed by {@link PolicyDocument#parseAuthorizerPolicy}), {@code
 * principalId} (a string, optional) and {@code context}. Context values keep their JSON types; in
 * format 1.0 they must be strings, numbers or booleans and the key {@code claims} is reserved (see
 * docs/differences.md); in 2.0 arrays and objects are allowed too. Anything else is {@link
 * AuthorizerAnswer.Malformed}, answered 500. Immutable and thread-safe, so cached answers serve
 * every request of the same identity.
 */
final class HttpAuthorizerAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Boolean authorized;
    private final PolicyDocument policy;
    private final Optional<String> principalId;
    private final Map<String, Object> context;

    private HttpAuthorizerAnswer(
            Boolean authorized,
            PolicyDocument policy,
            Optional<String> principalId,
            Map<String, Object> context) {
        this.authorized = authorized;
        this.policy = policy;
        this.principalId = principalId;
        this.context = Collections.unmodifiableMap(context);
    }

    /**
     * Parses a function's answer: a simple one when {@code simple}, else a policy; {@code v1}
     * applies format 1.0's rules to the context. Throws {@link AuthorizerAnswer.Malformed}.
     */
    static HttpAuthorizerAnswer parse(byte[] payload, boolean simple, boolean v1) {
        JsonNode root = AuthorizerAnswer.readObject(payload);
        Map<String, Object> context = context(root.get("context"), v1);
        if (simple) {
            JsonNode isAuthorized = root.get("isAuthorized");
            if (isAuthorized == null || !isAuthorized.isBoolean()) {
                throw new AuthorizerAnswer.Malformed("isAuthorized must be a boolean");
            }
            return new HttpAuthorizerAnswer(
                    isAuthorized.booleanValue(), null, Optional.empty(), context);
        }
        JsonNode principal = root.get("principalId");
        if (principal != null && !principal.isNull() && !principal.isTextual()) {
            throw new AuthorizerAnswer.Malformed("principalId must be a string");
        }
        JsonNode document = root.get("policyDocument");
        if (document == null || document.isNull()) {
            throw new AuthorizerAnswer.Malformed("policyDocument is missing");
        }
        PolicyDocument policy;
        try {
            policy = PolicyDocument.parseAuthorizerPolicy(document);
        } catch (MalformedPolicyException e) {
            throw new AuthorizerAnswer.Malformed(e.getMessage());
        }
        return new HttpAuthorizerAnswer(
                null,
                policy,
                principal == null || principal.isNull()
                        ? Optional.empty()
                        : Optional.of(principal.asText()),
                context);
    }

    private static Map<String, Object> context(JsonNode node, boolean v1) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return context;
        }
        if (!node.isObject()) {
            throw new AuthorizerAnswer.Malformed("context must be an object");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (v1 && field.getKey().equals("claims")) {
                throw new AuthorizerAnswer.Malformed("context.claims is reserved");
            }
            if (v1 && !value.isValueNode()) {
                throw new AuthorizerAnswer.Malformed(
                        "context." + field.getKey() + " must be a string, a number or a boolean");
            }
            context.put(field.getKey(), JSON.convertValue(value, Object.class));
        }
        return context;
    }

    /**
     * Decides the request of {@code routeArn}: a simple answer by {@code isAuthorized}, a policy as
     * REST authorizers' are (reference 8.3: Deny wins, an Allow covering the ARN allows).
     */
    PolicyDecision decide(String routeArn, Exchange exchange) {
        if (authorized != null) {
            return authorized ? PolicyDecision.ALLOW : PolicyDecision.DENY;
        }
        return PolicyEvaluator.evaluate(
                policy,
                PolicyEvaluator.INVOKE,
                routeArn,
                EvaluationContext.anonymous(exchange.requestTime()));
    }

    /** Returns the principal id of a policy answer, if any. */
    Optional<String> principalId() {
        return principalId;
    }

    /** Returns the context with its JSON types, in the order returned. */
    Map<String, Object> context() {
        return context;
    }
}
