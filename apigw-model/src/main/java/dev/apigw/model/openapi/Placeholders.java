package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apigw.model.template.Intrinsics;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the CloudFormation placeholders that definitions embedded in SAM, CDK or CloudFormation
 * templates carry: {@code Fn::Sub} (a string or {@code [template, {vars}]}), {@code Fn::GetAtt},
 * {@code Ref}, {@code Fn::Join}, {@code Fn::ImportValue}, and {@code ${...}} in strings. The
 * pseudo-parameters {@code AWS::Region}, {@code AWS::AccountId} and {@code AWS::Partition} are
 * resolved at import as AWS does (reference section 4.3); {@code ${stageVariables.x}} is kept, as
 * it resolves per request (reference section 1.5). The functions are the CloudFormation importer's
 * ({@link Intrinsics}); what names mean is this class's.
 */
final class Placeholders {
    private static final Pattern LOGICAL_ARN = Pattern.compile("([A-Za-z0-9]+)\\.Arn");

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
        return Intrinsics.isIntrinsic(json);
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
        JsonNode value;
        try {
            value = new Intrinsics(new Scope(node, field)).evaluate(node.json(), node.pointer());
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(node, e.getMessage());
        }
        return Intrinsics.text(value);
    }

    private String substitute(
            String text, Node at, Field field, boolean sub, Map<String, String> vars) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        return Intrinsics.substitute(text, name -> variable(name, at, field, sub, vars));
    }

    /** The names an intrinsic in a definition can use: pseudo-parameters and supplied values. */
    private final class Scope implements Intrinsics.Scope {
        private final Node at;
        private final Field field;

        Scope(Node at, Field field) {
            this.at = at;
            this.field = field;
        }

        @Override
        public JsonNode ref(String name) {
            return TextNode.valueOf(variable(name, at, field, true, Map.of()));
        }

        @Override
        public JsonNode getAtt(String resource, String attribute) {
            return TextNode.valueOf(
                    variable(resource + "." + attribute, at, field, true, Map.of()));
        }

        @Override
        public boolean condition(String name) {
            throw ImportContext.fail(
                    at,
                    "unresolved placeholder Fn::If: the condition "
                            + name
                            + " is the template's (import the template, not its body)");
        }

        @Override
        public JsonNode findInMap(String map, String topKey, String secondKey) {
            return TextNode.valueOf(unresolved("Fn::FindInMap", at, field));
        }

        @Override
        public JsonNode importValue(String name) {
            return TextNode.valueOf(variable(name, at, field, true, Map.of()));
        }
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
