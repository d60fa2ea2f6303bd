package dev.apigw.model.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Evaluates CloudFormation's intrinsic functions ("Intrinsic function reference" in the
 * CloudFormation user guide): {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} (a string or {@code
 * [template, {vars}]}, {@code ${!Literal}} escapes), {@code Fn::Join}, {@code Fn::Select}, {@code
 * Fn::Split}, {@code Fn::If}, {@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not},
 * {@code Condition}, {@code Fn::FindInMap}, {@code Fn::ImportValue}, {@code Fn::Base64} and {@code
 * Fn::Length}. What names mean is the {@link Scope}'s: the CloudFormation importer's scope knows
 * parameters, resources and conditions; the OpenAPI importer's scope knows the pseudo-parameters
 * and the values a user supplies. {@code Ref: AWS::NoValue} (and a branch of {@code Fn::If} that is
 * one) removes the property or item that holds it.
 *
 * <p>Evaluation is bounded: nesting deeper than {@link #MAX_DEPTH} fails. Instances are immutable
 * and as thread-safe as their scope.
 */
public final class Intrinsics {
    /** The deepest nesting of values evaluated. */
    public static final int MAX_DEPTH = 200;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the names in a template mean. Methods fail with an {@link IllegalArgumentException}. */
    public interface Scope {
        /** Returns what {@code Ref name} is; {@link MissingNode} for {@code AWS::NoValue}. */
        JsonNode ref(String name);

        /** Returns what {@code Fn::GetAtt [resource, attribute]} is. */
        JsonNode getAtt(String resource, String attribute);

        /** Returns the value of a named condition. */
        boolean condition(String name);

        /** Returns {@code Fn::FindInMap [map, topKey, secondKey]}. */
        JsonNode findInMap(String map, String topKey, String secondKey);

        /** Returns {@code Fn::ImportValue name}. */
        JsonNode importValue(String name);
    }

    private final Scope scope;

    /** Returns an evaluator over a scope. */
    public Intrinsics(Scope scope) {
        this.scope = scope;
    }

    /** Returns whether a value is an intrinsic function object ({@code {"Fn::X": ...}}). */
    public static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String name = value.fieldNames().next();
        return name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::");
    }

    /**
     * Returns a copy of {@code value} with every intrinsic evaluated; {@link MissingNode} when the
     * value is {@code AWS::NoValue}. {@code path} names the value in errors ({@code
     * Resources.Api.Properties.Name}).
     */
    public JsonNode evaluate(JsonNode value, String path) {
        return evaluate(value, path, 0);
    }

    /**
     * Returns {@code template} with each {@code ${name}} replaced by {@code variables.apply(name)}
     * and each {@code ${!name}} by {@code ${name}}, as {@code Fn::Sub} does; a {@code null} from
     * {@code variables} keeps the placeholder as it is.
     */
    public static String substitute(String template, UnaryOperator<String> variables) {
        int start = template.indexOf("${");
        if (start < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int from = 0;
        while (start >= 0) {
            int end = template.indexOf('}', start + 2);
            if (end < 0) {
                break;
            }
            out.append(template, from, start);
            String name = template.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                String value = variables.apply(name.trim());
                out.append(value == null ? "${" + name + "}" : value);
            }
            from = end + 1;
            start = template.indexOf("${", from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private JsonNode evaluate(JsonNode value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": nested deeper than " + MAX_DEPTH);
        }
        if (isIntrinsic(value)) {
            String function = value.fieldNames().next();
            return function(function, value.get(function), path + "." + function, depth + 1);
        }
        if (value.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                JsonNode v = evaluate(e.getValue(), path + "." + e.getKey(), depth + 1);
                if (!v.isMissingNode()) {
                    copy.set(e.getKey(), v);
                }
            }
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                JsonNode v = evaluate(value.get(i), path + "[" + i + "]", depth + 1);
                if (!v.isMissingNode()) {
                    copy.add(v);
                }
            }
            return copy;
        }
        return value;
    }

    private JsonNode function(String function, JsonNode arg, String path, int depth) {
        switch (function) {
            case "Ref":
                return scope.ref(text(arg, path, depth));
            case "Condition":
                return NODES.booleanNode(scope.condition(text(arg, path, depth)));
            case "Fn::GetAtt":
                return getAtt(arg, path, depth);
            case "Fn::Sub":
                return TextNode.valueOf(sub(arg, path, depth));
            case "Fn::Join":
                return TextNode.valueOf(join(args(arg, 2, path), path, depth));
            case "Fn::Select":
                return select(args(arg, 2, path), path, depth);
            case "Fn::Split":
                return split(args(arg, 2, path), path, depth);
            case "Fn::If":
                ArrayNode branches = args(arg, 3, path);
                boolean which = scope.condition(text(branches.get(0), path, depth));
                return evaluate(branches.get(which ? 1 : 2), path, depth);
            case "Fn::Equals":
                ArrayNode pair = args(arg, 2, path);
                return NODES.booleanNode(
                        text(evaluate(pair.get(0), path, depth))
                                .equals(text(evaluate(pair.get(1), path, depth))));
            case "Fn::And":
            case "Fn::Or":
            case "Fn::Not":
                return NODES.booleanNode(logic(function, arg, path, depth));
            case "Fn::FindInMap":
                ArrayNode keys = args(arg, 3, path);
                return scope.findInMap(
                        text(keys.get(0), path, depth),
                        text(keys.get(1), path, depth),
                        text(keys.get(2), path, depth));
            case "Fn::ImportValue":
                return scope.importValue(text(arg, path, depth));
            case "Fn::Base64":
                return TextNode.valueOf(
                        Base64.getEncoder()
                                .encodeToString(
                                        text(arg, path, depth).getBytes(StandardCharsets.UTF_8)));
            case "Fn::Length":
                return NODES.numberNode(list(arg, path, depth).size());
            default:
                throw new IllegalArgumentException(
                        path + ": the intrinsic function " + function + " is not supported");
        }
    }

    private JsonNode getAtt(JsonNode arg, String path, int depth) {
        JsonNode names = evaluate(arg, path, depth);
        if (names.isTextual()) {
            String text = names.asText();
            int dot = text.indexOf('.');
            if (dot > 0) {
                return scope.getAtt(text.substring(0, dot), text.substring(dot + 1));
            }
        } else if (names.isArray() && names.size() == 2) {
            return scope.getAtt(names.get(0).asText(), names.get(1).asText());
        }
        throw new IllegalArgumentException(
                path + ": expected [LogicalId, Attribute] or \"LogicalId.Attribute\"");
    }

    private String sub(JsonNode arg, String path, int depth) {
        JsonNode template = arg;
        ObjectNode variables = NODES.objectNode();
        if (arg.isArray()) {
            ArrayNode pair = args(arg, 2, path);
            template = pair.get(0);
            JsonNode vars = evaluate(pair.get(1), path + "[1]", depth);
            if (!vars.isObject()) {
                throw new IllegalArgumentException(path + "[1]: expected a map of variables");
            }
            variables = (ObjectNode) vars;
        }
        if (!template.isTextual()) {
            throw new IllegalArgumentException(path + ": expected a string template");
        }
        ObjectNode local = variables;
        return substitute(
                template.asText(),
                name -> {
                    if (local.has(name)) {
                        return text(local.get(name));
                    }
                    int dot = name.indexOf('.');
                    return text(
                            dot > 0 && !name.startsWith("AWS::")
                                    ? scope.getAtt(name.substring(0, dot), name.substring(dot + 1))
                                    : scope.ref(name));
                });
    }

    private String join(ArrayNode arg, String path, int depth) {
        String separator = text(arg.get(0), path, depth);
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (JsonNode item : list(arg.get(1), path, depth)) {
            joined.append(first ? "" : separator).append(text(item));
            first = false;
        }
        return joined.toString();
    }

    private JsonNode select(ArrayNode arg, String path, int depth) {
        JsonNode index = evaluate(arg.get(0), path, depth);
        ArrayNode items = list(arg.get(1), path, depth);
        int i;
        try {
            i = Integer.parseInt(text(index));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": the index is not a number: " + index);
        }
        if (i < 0 || i >= items.size()) {
            throw new IllegalArgumentException(
                    path + ": index " + i + " is outside the list of " + items.size());
        }
        return items.get(i);
    }

    private JsonNode split(ArrayNode arg, String path, int depth) {
        String delimiter = text(arg.get(0), path, depth);
        String source = text(arg.get(1), path, depth);
        ArrayNode parts = NODES.arrayNode();
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException(path + ": the delimiter is empty");
        }
        int from = 0;
        int at;
        while ((at = source.indexOf(delimiter, from)) >= 0) {
            parts.add(source.substring(from, at));
            from = at + delimiter.length();
        }
        return parts.add(source.substring(from));
    }

    private boolean logic(String function, JsonNode arg, String path, int depth) {
        if (!arg.isArray() || arg.isEmpty()) {
            throw new IllegalArgumentException(path + ": expected a list of conditions");
        }
        boolean result = function.equals("Fn::And");
        for (JsonNode item : arg) {
            JsonNode value = evaluate(item, path, depth);
            boolean b = value.isBoolean() ? value.booleanValue() : scope.condition(value.asText());
            if (function.equals("Fn::Not")) {
                return !b;
            }
            result = function.equals("Fn::And") ? result && b : result || b;
        }
        return result;
    }

    private ArrayNode list(JsonNode arg, String path, int depth) {
        JsonNode value = evaluate(arg, path, depth);
        if (!value.isArray()) {
            throw new IllegalArgumentException(path + ": expected a list, found " + value);
        }
        return (ArrayNode) value;
    }

    private static ArrayNode args(JsonNode arg, int size, String path) {
        if (!arg.isArray() || arg.size() != size) {
            throw new IllegalArgumentException(path + ": expected a list of " + size + " values");
        }
        return (ArrayNode) arg;
    }

    private String text(JsonNode arg, String path, int depth) {
        JsonNode value = evaluate(arg, path, depth);
        if (value.isContainerNode() || value.isMissingNode()) {
            throw new IllegalArgumentException(path + ": expected a string, found " + value);
        }
        return value.asText();
    }

    /**
     * Returns a value as the text CloudFormation substitutes for it: a list's items joined by
     * commas, a scalar's text.
     */
    public static String text(JsonNode value) {
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                joined.append(joined.length() == 0 ? "" : ",").append(item.asText());
            }
            return joined.toString();
        }
        return value.asText();
    }
}
