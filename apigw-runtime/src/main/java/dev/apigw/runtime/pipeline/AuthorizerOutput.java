package dev.apigw.runtime.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Lambda or Cognito authorizer established about the caller (reference 8.3, 8.4): the
 * principal id and {@code context} map a Lambda authorizer returned, with its {@code
 * usageIdentifierKey}, or the claims (and scopes) of a Cognito token. Templates, parameter mappings
 * and gateway responses read it as {@code $context.authorizer.*} (values stringified, reference
 * 1.2) and the Lambda proxy event as {@code requestContext.authorizer} (reference 2.1). Immutable:
 * a cached Lambda authorizer answer serves many requests with one instance, its template view built
 * once.
 */
public final class AuthorizerOutput {
    private final String principalId;
    private final Map<String, Object> context;
    private final Map<String, Object> claims;
    private final List<String> scopes;
    private final String usageIdentifierKey;
    private final long integrationLatency;
    private final Map<String, Object> templateView;

    private AuthorizerOutput(
            String principalId,
            Map<String, Object> context,
            Map<String, Object> claims,
            List<String> scopes,
            String usageIdentifierKey,
            long integrationLatency) {
        this.principalId = principalId;
        this.context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        this.scopes = List.copyOf(scopes);
        this.usageIdentifierKey = usageIdentifierKey;
        this.integrationLatency = integrationLatency;
        this.templateView = templateView(principalId, this.context, this.claims);
    }

    /**
     * Returns the output of a Lambda authorizer (reference 8.3).
     *
     * @param principalId the authorizer's {@code principalId}
     * @param context its {@code context}: strings, numbers and booleans, in order
     * @param usageIdentifierKey the API key it returned for {@code apiKeySource: AUTHORIZER}
     *     (reference 8.2), or null
     * @param integrationLatency the milliseconds the function took; 0 for a cached answer
     */
    public static AuthorizerOutput lambda(
            String principalId,
            Map<String, Object> context,
            String usageIdentifierKey,
            long integrationLatency) {
        return new AuthorizerOutput(
                Objects.requireNonNull(principalId, "principalId"),
                context,
                Map.of(),
                List.of(),
                usageIdentifierKey,
                integrationLatency);
    }

    /**
     * Returns the output of a Cognito user pool authorizer (reference 8.4): the token's claims, in
     * order, and an access token's scopes.
     */
    public static AuthorizerOutput cognito(Map<String, Object> claims, List<String> scopes) {
        return new AuthorizerOutput(null, Map.of(), claims, scopes, null, 0);
    }

    /** Returns the Lambda authorizer's {@code principalId}, or null (Cognito). */
    public String principalId() {
        return principalId;
    }

    /** Returns the Lambda authorizer's {@code context}, in order; empty for Cognito. */
    public Map<String, Object> context() {
        return context;
    }

    /** Returns the Cognito token's claims, in order; empty for a Lambda authorizer. */
    public Map<String, Object> claims() {
        return claims;
    }

    /** Returns the Cognito access token's scopes; empty otherwise. */
    public List<String> scopes() {
        return scopes;
    }

    /** Returns the API key a Lambda authorizer returned, or null. */
    public String usageIdentifierKey() {
        return usageIdentifierKey;
    }

    /** Returns the milliseconds the authorizer function took; 0 for a cached answer or Cognito. */
    public long integrationLatency() {
        return integrationLatency;
    }

    /** Returns the API key the authorizer returned, if any. */
    public Optional<String> usageIdentifier() {
        return Optional.ofNullable(usageIdentifierKey);
    }

    /**
     * Returns {@code $context.authorizer} as templates see it (reference 1.2): {@code principalId}
     * and each {@code context} key with its value stringified ({@code 1} is {@code "1"}, {@code
     * true} is {@code "true"}), or, for Cognito, {@code claims} as a map of strings. Built once.
     */
    public Map<String, Object> templateView() {
        return templateView;
    }

    private static Map<String, Object> templateView(
            String principalId, Map<String, Object> context, Map<String, Object> claims) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (principalId != null) {
            view.put("principalId", principalId);
        }
        context.forEach((key, value) -> view.put(key, String.valueOf(value)));
        if (!claims.isEmpty()) {
            Map<String, Object> strings = new LinkedHashMap<>();
            claims.forEach((key, value) -> strings.put(key, String.valueOf(value)));
            view.put("claims", Collections.unmodifiableMap(strings));
        }
        return Collections.unmodifiableMap(view);
    }

    @Override
    public String toString() {
        return "AuthorizerOutput[principalId="
                + principalId
                + ", context="
                + context.keySet()
                + ", claims="
                + claims.keySet()
                + "]";
    }
}
