package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SAM template's {@code Globals}: each section's properties merged into every resource of its
 * type as SAM merges them (objects merged key by key, lists appended after the global ones, any
 * other value taken from the resource), honouring the {@code IgnoreGlobals} attribute.
 */
final class SamGlobals {
    private static final Map<String, List<String>> SUPPORTED =
            Map.of(
                    "Function",
                            List.of(
                                    "Handler",
                                    "Runtime",
                                    "CodeUri",
                                    "DeadLetterQueue",
                                    "Description",
                                    "MemorySize",
                                    "Timeout",
                                    "VpcConfig",
                                    "Environment",
                                    "Tags",
                                    "PropagateTags",
                                    "Tracing",
                                    "KmsKeyArn",
                                    "AutoPublishAlias",
                                    "AutoPublishAliasAllProperties",
                                    "Layers",
                                    "DeploymentPreference",
                                    "RolePath",
                                    "PermissionsBoundary",
                                    "ReservedConcurrentExecutions",
                                    "ProvisionedConcurrencyConfig",
                                    "AssumeRolePolicyDocument",
                                    "EventInvokeConfig",
                                    "FileSystemConfigs",
                                    "CodeSigningConfigArn",
                                    "Architectures",
                                    "SnapStart",
                                    "EphemeralStorage",
                                    "FunctionUrlConfig",
                                    "RuntimeManagementConfig",
                                    "LoggingConfig",
                                    "RecursiveLoop",
                                    "SourceKMSKeyArn"),
                    "Api",
                            List.of(
                                    "Auth",
                                    "Name",
                                    "DefinitionUri",
                                    "CacheClusterEnabled",
                                    "CacheClusterSize",
                                    "MergeDefinitions",
                                    "Variables",
                                    "EndpointConfiguration",
                                    "MethodSettings",
                                    "BinaryMediaTypes",
                                    "MinimumCompressionSize",
                                    "Cors",
                                    "GatewayResponses",
                                    "AccessLogSetting",
                                    "CanarySetting",
                                    "TracingEnabled",
                                    "OpenApiVersion",
                                    "Domain",
                                    "AlwaysDeploy",
                                    "PropagateTags"),
                    "HttpApi",
                            List.of(
                                    "Auth",
                                    "AccessLogSettings",
                                    "StageVariables",
                                    "Tags",
                                    "CorsConfiguration",
                                    "DefaultRouteSettings",
                                    "Domain",
                                    "RouteSettings",
                                    "FailOnWarnings",
                                    "PropagateTags"),
                    "SimpleTable", List.of("SSESpecification"),
                    "StateMachine", List.of("PropagateTags"),
                    "LayerVersion", List.of("PublishLambdaVersion"));
    private static final Set<String> SECTIONS =
            Set.of("Api", "Function", "HttpApi", "LayerVersion", "SimpleTable", "StateMachine");

    private final Map<String, ObjectNode> sections = new HashMap<>();

    private SamGlobals() {}

    /** The globals of {@code globals} (the {@code Globals} section, null for none). */
    static SamGlobals parse(JsonNode globals) {
        SamGlobals parsed = new SamGlobals();
        if (globals == null) {
            return parsed;
        }
        if (!globals.isObject()) {
            throw invalid("Globals", "It must be a non-empty dictionary");
        }
        globals.properties()
                .forEach(
                        section -> {
                            String name = section.getKey();
                            if (!SECTIONS.contains(name)) {
                                throw invalid(
                                        "Globals." + name,
                                        "'"
                                                + name
                                                + "' is not supported. Must be one of"
                                                + " the following values - [Api, Function, HttpApi, LayerVersion,"
                                                + " SimpleTable, StateMachine]");
                            }
                            if (!section.getValue().isObject()) {
                                throw invalid(
                                        "Globals." + name,
                                        "Value of " + name + " must be a dictionary");
                            }
                            section.getValue()
                                    .fieldNames()
                                    .forEachRemaining(
                                            key -> {
                                                if (!SUPPORTED.get(name).contains(key)) {
                                                    throw invalid(
                                                            "Globals." + name + "." + key,
                                                            "'"
                                                                    + key
                                                                    + "' is not a supported"
                                                                    + " property of '"
                                                                    + name
                                                                    + "'. Must be one of the following values - "
                                                                    + SUPPORTED.get(name));
                                                }
                                            });
                            parsed.sections.put(name, (ObjectNode) section.getValue());
                        });
        return parsed;
    }

    /** Merges the globals of {@code section} into the resource {@code id} ({@code resource}). */
    void apply(String section, String id, ObjectNode resource) {
        ObjectNode globals = sections.get(section);
        if (globals == null) {
            return;
        }
        globals = globals.deepCopy();
        JsonNode ignore = resource.get("IgnoreGlobals");
        if (ignore != null) {
            if ("*".equals(SamValues.text(ignore))) {
                return;
            }
            if (!ignore.isArray()) {
                throw invalid(
                        "Resources." + id + ".IgnoreGlobals",
                        "Resource " + id + " has invalid resource attribute 'IgnoreGlobals'.");
            }
            for (JsonNode key : ignore) {
                if (globals.remove(key.asText()) == null) {
                    throw invalid(
                            "Resources." + id + ".IgnoreGlobals",
                            "Resource "
                                    + id
                                    + " has invalid resource attribute 'IgnoreGlobals'"
                                    + " on item '"
                                    + key.asText()
                                    + "'.");
                }
            }
        }
        JsonNode properties = resource.get("Properties");
        if (properties == null || properties.isNull()) {
            resource.set("Properties", globals);
        } else if (properties.isObject()) {
            resource.set("Properties", merge(globals, properties));
        }
    }

    /** SAM's merge of a global value with a resource's value. */
    static JsonNode merge(JsonNode global, JsonNode local) {
        if (global.isObject()
                && local.isObject()
                && !SamValues.isIntrinsic(global)
                && !SamValues.isIntrinsic(local)) {
            ObjectNode merged = ((ObjectNode) global).deepCopy();
            local.properties()
                    .forEach(
                            e ->
                                    merged.set(
                                            e.getKey(),
                                            merged.has(e.getKey())
                                                    ? merge(merged.get(e.getKey()), e.getValue())
                                                    : e.getValue()));
            return merged;
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode merged = ((ArrayNode) global).deepCopy();
            merged.addAll((ArrayNode) local);
            return merged;
        }
        return local;
    }
}
