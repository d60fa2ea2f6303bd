package dev.apigw.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Principal} (or {@code NotPrincipal}) of a resource-policy statement (reference 8.8):
 * {@code "*"} or {@code {"AWS": "*"}} is everyone, also anonymous callers; {@code {"AWS": ...}}
 * names accounts (a 12-digit id or {@code arn:aws:iam::ID:root}) or IAM ARNs, which match only a
 * caller authenticated by IAM in that account or with that exact ARN. {@code Service}, {@code
 * Federated} and {@code CanonicalUser} principals are accepted and match no API caller.
 */
final class Principals {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROOT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");
    private static final Set<String> OTHER_TYPES = Set.of("Service", "Federated", "CanonicalUser");
    private static final Principals EVERYONE = new Principals(true, List.of(), List.of());

    private final boolean everyone;
    private final List<String> accounts;
    private final List<String> arns;

    private Principals(boolean everyone, List<String> accounts, List<String> arns) {
        this.everyone = everyone;
        this.accounts = List.copyOf(accounts);
        this.arns = List.copyOf(arns);
    }

    /** Returns the principal that matches every caller (a statement without {@code Principal}). */
    static Principals everyone() {
        return EVERYONE;
    }

    /** Parses the principal element found at {@code place}. */
    static Principals parse(JsonNode node, String place) {
        if (node.isTextual()) {
            if (node.asText().equals("*")) {
                return EVERYONE;
            }
            throw PolicyDocument.malformed(
                    place, "must be \"*\" or an object such as {\"AWS\": ...}");
        }
        if (!node.isObject() || node.size() == 0) {
            throw PolicyDocument.malformed(
                    place, "must be \"*\" or an object such as {\"AWS\": ...}");
        }
        List<String> accounts = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        boolean everyone = false;
        for (var field : node.properties()) {
            String where = place + "." + field.getKey();
            boolean aws = field.getKey().equals("AWS");
            if (!aws && !OTHER_TYPES.contains(field.getKey())) {
                throw PolicyDocument.malformed(where, "unknown principal type");
            }
            for (String value : PolicyDocument.strings(field.getValue(), where)) {
                if (!aws) {
                    continue;
                }
                var root = ROOT.matcher(value);
                if (value.equals("*")) {
                    everyone = true;
                } else if (ACCOUNT.matcher(value).matches()) {
                    accounts.add(value);
                } else if (root.matches()) {
                    accounts.add(root.group(1));
                } else if (value.startsWith("arn:")) {
                    arns.add(value);
                } else {
                    throw PolicyDocument.malformed(
                            where, "'" + value + "' is neither an account id nor an ARN");
                }
            }
        }
        return new Principals(everyone, accounts, arns);
    }

    /** Tells whether the caller of {@code context} is one of these principals. */
    boolean matches(EvaluationContext context) {
        if (everyone) {
            return true;
        }
        return context.principalAccount().map(accounts::contains).orElse(false)
                || context.principalArn().map(arns::contains).orElse(false);
    }
}
