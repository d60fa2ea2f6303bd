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
 * 1.2) and the Lambda proxy event as {@code requestContext.authorizer} (reference 2.1).
 *
 * @param principalId the Lambda authorizer's {@code principalId}, or null (Cognito)
 * @param context the Lambda authorizer's {@code context}: strings, numbers and booleans, in order
 * @param claims the Cognito token's claims, in order; empty for a Lambda authorizer
 * @param scopes the Cognito access token's scopes; empty otherwise
 * @param usageIdentifierKey the API key a Lambda authorizer returned for {@code apiKeySource:
 *     AUTHORIZER} (reference 8.2), or null
 * @param integrationLatency the milliseconds the authorizer function took; 0 for a cached answer or
 *     Cognito
 */
public record AuthorizerOutput(
        String principalId,
        Map<String, Object> context,
        Map<String, Object> claims,
        List<String> scopes,
        String usageIdentifierKey,
        long integrationLatency) {
    /** Checks and copies, keeping the order of the maps. */
    public AuthorizerOutput {
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        scopes = List.copyOf(scopes);
    }

    /** Returns the output of a Lambda authorizer (reference 8.3). */
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

    /** Returns the output of a Cognito user pool authorizer (reference 8.4). */
    public static AuthorizerOutput cognito(Map<String, Object> claims, List<String> scopes) {
        return new AuthorizerOutput(null, Map.of(), claims, scopes, null, 0);
    }

    /** Returns the API key the authorizer returned, if any. */
    public Optional<String> usageIdentifier() {
        return Optional.ofNullable(usageIdentifierKey);
    }

    /**
     * Returns {@code $context.authorizer} as templates see it (reference 1.2): {@code principalId}
     * and each {@code context} key with its value stringified ({@code 1} is {@code "1"}, {@code
     * true} is {@code "true"}), or, for Cognito, {@code claims} as a map of strings.
     */
    public Map<String, Object> templateView() {
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
}
