package dev.apigw.runtime.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.pipeline.AuthorizerOutput;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Lambda authorizer's answer, parsed and checked once (reference 8.3, output): {@code
 * principalId} (a string, required), {@code policyDocument} (an IAM policy, required, parsed by
 * {@link PolicyDocument#parseAuthorizerPolicy}), {@code context} (optional; its values strings,
 * numbers or booleans: an object, an array or null is not allowed) and {@code usageIdentifierKey}
 * (optional string, the API key of {@code apiKeySource: AUTHORIZER}, reference 8.2). Anything else
 * is {@link Malformed}, which API Gateway answers with 500 AUTHORIZER_CONFIGURATION_ERROR. Other
 * fields are ignored. Immutable and thread-safe: a cached answer serves every request its token
 * covers, its policy evaluated against each request's method ARN.
 */
final class AuthorizerAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String principalId;
    private final PolicyDocument policy;
    private final boolean conditional;
    private final Map<String, Object> context;
    private final String usageIdentifierKey;
    private final AuthorizerOutput cachedOutput;

    private AuthorizerAnswer(
            String principalId,
            PolicyDocument policy,
            Map<String, Object> context,
            String usageIdentifierKey) {
        this.principalId = principalId;
        this.policy = policy;
        this.conditional = policy.statements().stream().anyMatch(s -> !s.conditions().isEmpty());
        this.context = Collections.unmodifiableMap(context);
        this.usageIdentifierKey = usageIdentifierKey;
        this.cachedOutput = output(0);
    }

    /** An answer that is no valid authorizer output; the message says what is wrong. */
    static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** Parses a function's answer; throws {@link Malformed} saying what is wrong. */
    static AuthorizerAnswer parse(byte[] payload) {
        JsonNode root = readObject(payload);
        JsonNode principal = root.get("principalId");
        if (principal == null || !principal.isTextual()) {
            throw new Malformed("principalId must be a string");
        }
        JsonNode document = root.get("policyDocument");
        if (document == null || document.isNull()) {
            throw new Malformed("policyDocument is missing");
        }
        PolicyDocument policy;
        try {
            policy = PolicyDocument.parseAuthorizerPolicy(document);
        } catch (MalformedPolicyException e) {
            throw new Malformed(e.getMessage());
        }
        JsonNode key = root.get("usageIdentifierKey");
        if (key != null && !key.isNull() && !key.isTextual()) {
            throw new Malformed("usageIdentifierKey must be a string");
        }
        return new AuthorizerAnswer(
                principal.asText(),
                policy,
                context(root.get("context")),
                key == null || key.isNull() ? null : key.asText());
    }

    /** Reads a function's answer as a JSON object; throws {@link Malformed} when it is none. */
    static JsonNode readObject(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(Objects.requireNonNull(payload, "payload"));
        } catch (JsonProcessingException e) {
            throw new Malformed("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("the answer must be a JSON object");
        }
        return root;
    }

    private static Map<String, Object> context(JsonNode node) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return context;
        }
        if (!node.isObject()) {
            throw new Malformed("context must be an object");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                context.put(field.getKey(), value.asText());
            } else if (value.isBoolean()) {
                context.put(field.getKey(), value.booleanValue());
            } else if (value.isNumber()) {
                context.put(field.getKey(), value.numberValue());
            } else {
                throw new Malformed(
                        "context."
                                + field.getKey()
                                + " must be a string, a number or a boolean, not "
                                + value.getNodeType());
            }
        }
        return context;
    }

    /**
     * Decides the request of {@code methodArn} by the answer's policy (reference 8.3): Deny wins,
     * an Allow covering it allows, no statement is {@link PolicyDecision#NO_MATCH}. The request's
     * condition keys are built only when a statement has conditions.
     */
    PolicyDecision decide(String methodArn, Exchange exchange) {
        EvaluationContext context =
                conditional
                        ? RequestConditions.of(exchange)
                        : EvaluationContext.anonymous(exchange.requestTime());
        return decide(methodArn, context);
    }

    /**
     * Decides the request of {@code methodArn} against the condition keys of {@code context}, for
     * requests that are no {@link Exchange} (a WebSocket {@code $connect}, reference 7.3).
     */
    PolicyDecision decide(String methodArn, EvaluationContext context) {
        return PolicyEvaluator.evaluate(policy, PolicyEvaluator.INVOKE, methodArn, context);
    }

    /** Returns what templates and the proxy event see of this answer (reference 1.2, 2.1). */
    AuthorizerOutput output(long integrationLatency) {
        return AuthorizerOutput.lambda(
                principalId, context, usageIdentifierKey, integrationLatency);
    }

    /**
     * Returns the output of this answer served from the cache: no function ran, so its {@code
     * integrationLatency} is 0. Built once.
     */
    AuthorizerOutput cachedOutput() {
        return cachedOutput;
    }

    /** Returns the principal id. */
    String principalId() {
        return principalId;
    }

    /** Returns the context, in the order returned. */
    Map<String, Object> context() {
        return context;
    }

    /** Returns the API key the authorizer returned, or null. */
    String usageIdentifierKey() {
        return usageIdentifierKey;
    }
}
