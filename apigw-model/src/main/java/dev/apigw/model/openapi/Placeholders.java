package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the CloudFormation placeholders that definitions embedded in SAM, CDK or CloudFormation
 * templates carry: {@code Fn::Sub} (a string or {@code [template, {vars}]}), {@code Fn::GetAtt},
 * {@code Ref}, {@code Fn::Join}, {@code Fn::ImportValue}, and {@code ${...}} in strings. The
 * pseudo-parameters {@code AWS::Region}, {@code AWS::AccountId} and {@code AWS::Partition} are
 * resolved at import as AWS does (reference section 4.3); {@code ${stageVariables.x}} is kept, as
 * it resolves per request (reference section 1.5).
 */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern LOGICAL_ARN = Pattern.compile("([A-Za-z0-9]+)\\.Arn");
    private static final Set<String> INTRINSICS =
            Set.of("Fn::Sub", "Fn::GetAtt", "Ref", "Fn::Join", "Fn::ImportValue");

    /** What a field is for: whether an unresolved placeholder fails, and what {@code X.Arn} is. */
    enum Field {
        /** Needed to serve requests (URIs, mappings): unresolved fails; X.Arn is a function. */
        SERVE(true, false, false),
        /** An IAM role ARN (credentials): unresolved is kept with a warning; X.Arn is a role. */
        ROLE(false, true, false),
        /** Descriptive (server URL, names): unresolved is kept with a warning. */
        DESCRIBE(false, false, false),
        /**
         * VTL, regular expressions and policies, where {@code ${x}} is the language's own syntax:
         * in a plain string only pseudo-parameters and supplied names are replaced; inside an
         * {@code Fn::Sub} everything is resolved and unresolved fails.
         */
        TEMPLATE(true, false, true);

        final boolean serve;
        final boolean role;
        final boolean verbatim;

        Field(boolean serve, boolean role, boolean verbatim) {
            this.serve = serve;
            this.role = role;
            this.verbatim = verbatim;
        }
    }

    private final ImportContext context;

    Placeholders(ImportContext context) {
        this.context = context;
    }

    /** Returns whether a node is a CloudFormation intrinsic function object. */
    static boolean isIntrinsic(JsonNode json) {
        return json.isObject()
                && json.size() == 1
                && (INTRINSICS.contains(json.fieldNames().next())
                        || json.fieldNames().next().startsWith("Fn::"));
    }

    /** Returns the resolved text of a scalar or an intrinsic; empty when missing. */
    String resolve(Node node, Field field) {
        JsonNode json = node.json();
        if (node.isMissing()) {
            return "";
        }
        if (json.isTextual()) {
            return substitute(json.asText(), node, field, false, Map.of());
        }
        if (json.isValueNode()) {
            return json.asText();
        }
        if (isIntrinsic(json)) {
            return intrinsic(node, field);
        }
        throw ImportContext.fail(node, "expected a string, found " + json.getNodeType());
    }

    /** Returns a copy of a JSON tree with every string and intrinsic resolved. */
    JsonNode resolveTree(Node node, Field field) {
        JsonNode json = node.json();
        if (json.isTextual() || isIntrinsic(json)) {
            return TextNode.valueOf(resolve(node, field));
        }
        if (json.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, Node> e : node.fields()) {
                copy.set(e.getKey(), resolveTree(e.getValue(), field));
            }
            return copy;
        }
        if (json.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Node item : node.items()) {
                copy.add(resolveTree(item, field));
            }
            return copy;
        }
        return json;
    }

    private String intrinsic(Node node, Field field) {
        String function = node.json().fieldNames().next();
        Node arg = node.get(function);
        switch (function) {
            case "Ref":
                return variable(resolve(arg, field), node, field, true, Map.of());
            case "Fn::GetAtt":
                String name =
                        arg.json().isArray()
                                ? resolve(arg.get(0), field) + "." + resolve(arg.get(1), field)
                                : resolve(arg, field);
                return variable(name, node, field, true, Map.of());
            case "Fn::Sub":
                if (arg.json().isArray()) {
                    Map<String, String> vars = new LinkedHashMap<>();
                    for (Map.Entry<String, Node> v : arg.get(1).fields()) {
                        vars.put(v.getKey(), resolve(v.getValue(), field));
                    }
                    return substitute(arg.get(0).json().asText(), node, field, true, vars);
                }
                return substitute(arg.json().asText(), node, field, true, Map.of());
            case "Fn::Join":
                StringBuilder joined = new StringBuilder();
                String separator = resolve(arg.get(0), field);
                for (Node item : arg.get(1).items()) {
                    joined.append(joined.length() == 0 ? "" : separator)
                            .append(resolve(item, field));
                }
                return joined.toString();
            case "Fn::ImportValue":
                return variable(resolve(arg, field), node, field, true, Map.of());
            default:
                return unresolved(function, node, field);
        }
    }

    private String substitute(
            String text, Node at, Field field, boolean sub, Map<String, String> vars) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (sub && name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else {
                value = variable(name, at, field, sub, vars);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Returns a variable's value; the {@code ${name}} text itself when kept. */
    private String variable(
            String name, Node at, Field field, boolean cloudFormation, Map<String, String> vars) {
        ImportOptions options = context.options();
        String local = vars.get(name);
        if (local != null) {
            return local;
        }
        if (name.startsWith("stageVariables.") || name.startsWith("stageVariables[")) {
            return "${" + name + "}";
        }
        switch (name) {
            case "AWS::Region":
                return options.region();
            case "AWS::AccountId":
                return options.accountId();
            case "AWS::Partition":
                return options.partition();
            case "AWS::StackName":
                return options.stackName();
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        String supplied = options.placeholders().get(name);
        if (supplied != null) {
            return supplied;
        }
        if (!cloudFormation && field.verbatim) {
            return "${" + name + "}";
        }
        Matcher arn = LOGICAL_ARN.matcher(name);
        if (arn.matches()) {
            return field.role
                    ? "arn:"
                            + options.partition()
                            + ":iam::"
                            + options.accountId()
                            + ":role/"
                            + arn.group(1)
                    : "arn:"
                            + options.partition()
                            + ":lambda:"
                            + options.region()
                            + ":"
                            + options.accountId()
                            + ":function:"
                            + arn.group(1);
        }
        return unresolved("${" + name + "}", at, field);
    }

    private String unresolved(String placeholder, Node at, Field field) {
        if (field.serve) {
            throw ImportContext.fail(
                    at,
                    "unresolved placeholder "
                            + placeholder
                            + " (supply its value in ImportOptions.placeholders)");
        }
        context.warn(at, "unresolved placeholder " + placeholder + " kept as it is");
        return placeholder;
    }
}
