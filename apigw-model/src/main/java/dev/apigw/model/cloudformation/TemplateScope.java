package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.template.Intrinsics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the names of a template mean: its parameters (the caller's value, else the {@code Default};
 * list types as lists), the pseudo-parameters, its conditions (each evaluated once), its mappings,
 * the exports {@code Fn::ImportValue} reads, and its resources ({@link PhysicalIds}).
 */
final class TemplateScope implements Intrinsics.Scope {
    private final Template template;
    private final TemplateOptions options;
    private final PhysicalIds ids;
    private final Intrinsics intrinsics;
    private final Map<String, JsonNode> parameters = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    TemplateScope(Template template, TemplateOptions options) {
        this.template = template;
        this.options = options;
        this.intrinsics = new Intrinsics(this);
        this.ids = new PhysicalIds(template, options.openApi(), intrinsics);
        for (String name : options.parameters().keySet()) {
            if (!template.section("Parameters").has(name)) {
                throw new CloudFormationImportException(
                        "Parameters", "the template declares no parameter " + name);
            }
        }
        for (Map.Entry<String, JsonNode> p : template.section("Parameters").properties()) {
            parameters.put(p.getKey(), parameter(p.getKey(), p.getValue()));
        }
    }

    /** Returns the evaluator over this scope. */
    Intrinsics intrinsics() {
        return intrinsics;
    }

    /** Returns the resources' physical ids. */
    PhysicalIds ids() {
        return ids;
    }

    /** Returns whether the resource's {@code Condition} (if any) holds. */
    boolean included(JsonNode resource) {
        JsonNode condition = resource.path("Condition");
        return condition.isMissingNode() || condition(condition.asText());
    }

    @Override
    public JsonNode ref(String name) {
        ImportOptions pseudo = options.openApi();
        switch (name) {
            case "AWS::Region":
                return TextNode.valueOf(pseudo.region());
            case "AWS::AccountId":
                return TextNode.valueOf(pseudo.accountId());
            case "AWS::Partition":
                return TextNode.valueOf(pseudo.partition());
            case "AWS::StackName":
                return TextNode.valueOf(pseudo.stackName());
            case "AWS::StackId":
                return TextNode.valueOf(
                        ids.arn("cloudformation", "stack/" + pseudo.stackName() + "/local"));
            case "AWS::URLSuffix":
                return TextNode.valueOf("amazonaws.com");
            case "AWS::NotificationARNs":
                return JsonNodeFactory.instance.arrayNode();
            case "AWS::NoValue":
                return MissingNode.getInstance();
            default:
                break;
        }
        JsonNode parameter = parameters.get(name);
        if (parameter != null) {
            return parameter;
        }
        if (template.type(name) != null) {
            return ids.ref(name);
        }
        throw new CloudFormationImportException(
                "Ref " + name, "not a parameter, a pseudo-parameter or a resource of the template");
    }

    private JsonNode parameter(String name, JsonNode declaration) {
        String value = options.parameters().get(name);
        if (value == null) {
            JsonNode fallback = declaration.path("Default");
            if (fallback.isMissingNode()) {
                throw new CloudFormationImportException(
                        "Parameters." + name,
                        "no value and no Default (give one: --parameter " + name + "=VALUE)");
            }
            value = Intrinsics.text(fallback);
        }
        JsonNode allowed = declaration.path("AllowedValues");
        if (allowed.isArray() && !contains(allowed, value)) {
            throw new CloudFormationImportException(
                    "Parameters." + name, "value " + value + " is not one of " + allowed);
        }
        String type = declaration.path("Type").asText("String");
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String item : value.split(",", -1)) {
                list.add(item.trim());
            }
            return list;
        }
        return TextNode.valueOf(value);
    }

    private static boolean contains(JsonNode allowed, String value) {
        for (JsonNode item : allowed) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public JsonNode getAtt(String resource, String attribute) {
        if (template.type(resource) == null) {
            throw new CloudFormationImportException(
                    "Fn::GetAtt " + resource + "." + attribute,
                    "the template has no resource " + resource);
        }
        return ids.getAtt(resource, attribute);
    }

    @Override
    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        JsonNode declaration = template.section("Conditions").path(name);
        if (declaration.isMissingNode()) {
            throw new CloudFormationImportException(
                    "Conditions." + name, "the template declares no such condition");
        }
        if (!evaluating.add(name)) {
            throw new CloudFormationImportException(
                    "Conditions." + name, "the condition depends on itself");
        }
        JsonNode value = intrinsics.evaluate(declaration, "Conditions." + name);
        evaluating.remove(name);
        if (!value.isBoolean()) {
            throw new CloudFormationImportException(
                    "Conditions." + name, "a condition must be Fn::Equals, And, Or, Not");
        }
        conditions.put(name, value.booleanValue());
        return value.booleanValue();
    }

    @Override
    public JsonNode findInMap(String map, String topKey, String secondKey) {
        JsonNode value = template.section("Mappings").path(map).path(topKey).path(secondKey);
        if (value.isMissingNode()) {
            throw new CloudFormationImportException(
                    "Mappings." + map, "has no " + topKey + "." + secondKey);
        }
        return value;
    }

    @Override
    public JsonNode importValue(String name) {
        String value = options.importValues().get(name);
        if (value == null) {
            throw new CloudFormationImportException(
                    "Fn::ImportValue " + name,
                    "no value for this export (give it in TemplateOptions.importValue)");
        }
        return TextNode.valueOf(value);
    }
}
