package dev.apigw.runtime.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An IAM policy document parsed once, when the API is built or an authorizer answers: the {@code
 * policyDocument} of a Lambda authorizer's output (reference 8.3) or a resource policy (reference
 * 8.8). {@code Version} is {@code 2012-10-17} or {@code 2008-10-17} (or absent); {@code Statement}
 * is one object or an array; each statement has {@code Effect} ({@code Allow}/{@code Deny}), one of
 * {@code Action}/{@code NotAction}, one of {@code Resource}/{@code NotResource} (a string or an
 * array), optionally {@code Sid}, {@code Principal} or {@code NotPrincipal} (see {@link
 * Principals}) and {@code Condition} (see {@link ConditionParser}). A resource policy requires a
 * principal, and its resources may use the shorthand {@code execute-api:/...}, expanded to {@code
 * arn:aws:execute-api:{region}:{account}:{apiId}/...} (reference 8.8). Anything else fails with a
 * {@link MalformedPolicyException} naming the JSON place.
 */
public final class PolicyDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> ELEMENTS =
            Set.of(
                    "Sid",
                    "Effect",
                    "Principal",
                    "NotPrincipal",
                    "Action",
                    "NotAction",
                    "Resource",
                    "NotResource",
                    "Condition");
    private static final String SHORTHAND = "execute-api:/";

    private final List<Statement> statements;

    private PolicyDocument(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    /**
     * Parses the {@code policyDocument} of a Lambda authorizer's output (reference 8.3); a
     * statement without a principal applies to every caller.
     */
    public static PolicyDocument parseAuthorizerPolicy(JsonNode document) {
        return parse(Objects.requireNonNull(document, "document"), false, UnaryOperator.identity());
    }

    /**
     * Parses a resource policy (reference 8.8) of the API {@code apiId} in {@code region} and
     * {@code accountId}: every statement needs {@code Principal} or {@code NotPrincipal}, and the
     * resource shorthand {@code execute-api:/...} becomes that API's ARN.
     */
    public static PolicyDocument parseResourcePolicy(
            String json, String region, String accountId, String apiId) {
        String apiArn = "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/";
        UnaryOperator<String> expand =
                resource ->
                        resource.startsWith(SHORTHAND)
                                ? apiArn + resource.substring(SHORTHAND.length())
                                : resource;
        return parse(read(json), true, expand);
    }

    /** Parses JSON text into a tree, or fails naming the place of the syntax error. */
    static JsonNode read(String json) {
        try {
            return JSON.readTree(Objects.requireNonNull(json, "json"));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw malformed(
                    location == null
                            ? "(document)"
                            : "line " + location.getLineNr() + " column " + location.getColumnNr(),
                    "not JSON: " + e.getOriginalMessage());
        }
    }

    /** Returns the statements in document order. */
    List<Statement> statements() {
        return statements;
    }

    private static PolicyDocument parse(
            JsonNode document, boolean resourcePolicy, UnaryOperator<String> expand) {
        if (document == null || !document.isObject()) {
            throw malformed("(document)", "must be a JSON object");
        }
        checkElements(document, TOP, "");
        JsonNode version = document.get("Version");
        if (version != null && !(version.isTextual() && VERSIONS.contains(version.asText()))) {
            throw malformed("Version", "must be \"2012-10-17\" or \"2008-10-17\"");
        }
        JsonNode statement = document.get("Statement");
        if (statement == null) {
            throw malformed("Statement", "is missing");
        }
        List<Statement> statements = new ArrayList<>();
        if (statement.isArray()) {
            for (int i = 0; i < statement.size(); i++) {
                statements.add(
                        statement(
                                statement.get(i), "Statement[" + i + "]", resourcePolicy, expand));
            }
        } else {
            statements.add(statement(statement, "Statement", resourcePolicy, expand));
        }
        return new PolicyDocument(statements);
    }

    private static Statement statement(
            JsonNode node, String place, boolean resourcePolicy, UnaryOperator<String> expand) {
        if (!node.isObject()) {
            throw malformed(place, "must be an object");
        }
        checkElements(node, ELEMENTS, place + ".");
        JsonNode effect = node.get("Effect");
        if (effect == null
                || !(effect.asText().equals("Allow") || effect.asText().equals("Deny"))) {
            throw malformed(place + ".Effect", "must be \"Allow\" or \"Deny\"");
        }
        String principalName = oneOf(node, place, "Principal", "NotPrincipal", resourcePolicy);
        Principals principals =
                principalName == null
                        ? Principals.everyone()
                        : Principals.parse(node.get(principalName), place + "." + principalName);
        String actionName = oneOf(node, place, "Action", "NotAction", true);
        String resourceName = oneOf(node, place, "Resource", "NotResource", true);
        List<WildcardPattern> actions = new ArrayList<>();
        for (String action : strings(node.get(actionName), place + "." + actionName)) {
            actions.add(WildcardPattern.ignoringCase(action));
        }
        List<WildcardPattern> resources = new ArrayList<>();
        for (String resource : strings(node.get(resourceName), place + "." + resourceName)) {
            resources.add(WildcardPattern.caseSensitive(expand.apply(resource)));
        }
        JsonNode condition = node.get("Condition");
        return new Statement(
                effect.asText().equals("Allow") ? PolicyDecision.ALLOW : PolicyDecision.DENY,
                principals,
                "NotPrincipal".equals(principalName),
                actions,
                actionName.startsWith("Not"),
                resources,
                resourceName.startsWith("Not"),
                condition == null
                        ? List.of()
                        : ConditionParser.parse(condition, place + ".Condition"));
    }

    /** Returns which of two exclusive elements is present; null if neither and not required. */
    private static String oneOf(
            JsonNode node, String place, String name, String notName, boolean required) {
        boolean has = node.has(name);
        boolean hasNot = node.has(notName);
        if (has && hasNot) {
            throw malformed(place, "has both " + name + " and " + notName);
        }
        if (!has && !hasNot) {
            if (required) {
                throw malformed(place, "needs " + name + " or " + notName);
            }
            return null;
        }
        return has ? name : notName;
    }

    private static void checkElements(JsonNode node, Set<String> allowed, String prefix) {
        node.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!allowed.contains(name)) {
                                throw malformed(prefix + name, "unknown policy element");
                            }
                        });
    }

    /** Reads a string or a non-empty array of strings found at {@code place}. */
    static List<String> strings(JsonNode node, String place) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw malformed(place + "[" + i + "]", "must be a string");
                }
                values.add(node.get(i).asText());
            }
        } else {
            throw malformed(place, "must be a string or a non-empty array of strings");
        }
        return values;
    }

    static MalformedPolicyException malformed(String place, String reason) {
        return new MalformedPolicyException(place, reason);
    }
}
