package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code AWS::Serverless::Api} as the CloudFormation SAM generates for it: the {@code RestApi}
 * (its body with SAM's CORS, auth, gateway responses, binary media types and models), a {@code
 * Deployment}, a {@code Stage} and the usage plan resources (reference 9.1, 8.2).
 */
final class SamApiGenerator {
    private static final Pattern OPENAPI_VERSION = Pattern.compile("[2-3](\\.\\d)(\\.\\d)?");
    private static final Pattern S3_URI =
            Pattern.compile("s3://([^/]+)/([^?]+)(\\?versionId=(.+))?");
    private static final String[] COPIED = {
        "Name", "Description", "Mode", "ApiKeySourceType", "FailOnWarnings"
    };
    private static final String[] STAGE_SETTINGS = {
        "CacheClusterEnabled",
        "CacheClusterSize",
        "Variables",
        "MethodSettings",
        "AccessLogSetting",
        "CanarySetting",
        "TracingEnabled"
    };

    private final String id;
    private final ObjectNode resource;
    private final ObjectNode properties;
    private final String where;

    private SamApiGenerator(String id, ObjectNode resource) {
        this.id = id;
        this.resource = resource;
        this.properties = resource.withObjectProperty("Properties");
        this.where = "Resources." + id + ".Properties";
    }

    /** The resources generated for the SAM API {@code id} ({@code resource}, globals applied). */
    static Map<String, ObjectNode> generate(String id, ObjectNode resource, SamUsagePlans plans) {
        return new SamApiGenerator(id, resource).generate(plans);
    }

    private Map<String, ObjectNode> generate(SamUsagePlans plans) {
        JsonNode definitionBody = properties.get("DefinitionBody");
        JsonNode definitionUri = properties.get("DefinitionUri");
        requireOneDefinition(properties, where);
        String openApiVersion = openApiVersion();
        JsonNode stageName = properties.get("StageName");
        if (SamValues.isFalsy(stageName)) {
            throw invalid(where + ".StageName", "Missing required property 'StageName'.");
        }
        ObjectNode restApi = JSON.objectNode();
        restApi.put("Type", "AWS::ApiGateway::RestApi");
        ObjectNode api = restApi.putObject("Properties");
        copy("BinaryMediaTypes", api);
        copy("MinimumCompressionSize", api);
        endpointConfiguration(api);
        ObjectNode body =
                definitionBody != null && definitionBody.isObject()
                        ? (ObjectNode) definitionBody
                        : null;
        edit(
                "Cors",
                body,
                (value, swagger) -> SamCors.apply(value, swagger, where + ".Cors"),
                "Cors",
                "Unable to add Cors configuration because");
        edit(
                "Auth",
                body,
                (value, swagger) -> {
                    if (!value.isObject()) {
                        throw invalid(where + ".Auth", "must be an object");
                    }
                    SamAuth.apply((ObjectNode) value, swagger, stageName, where + ".Auth");
                },
                "Auth",
                "Unable to add Auth configuration because");
        edit(
                "GatewayResponses",
                body,
                (value, swagger) ->
                        SamGatewayResponses.apply(value, swagger, where + ".GatewayResponses"),
                "GatewayResponses",
                "Unable to add Auth configuration because");
        SamBodyExtensions.binaryMediaTypes(properties.get("BinaryMediaTypes"), body);
        edit(
                "Models",
                body,
                (value, swagger) -> SamBodyExtensions.models(value, swagger, where + ".Models"),
                "Models",
                "Unable to add Models definitions because");
        SamBodyExtensions.disableExecuteApiEndpoint(
                properties.get("DisableExecuteApiEndpoint"), body, where);
        if (!SamValues.isFalsy(definitionUri)) {
            api.set("BodyS3Location", bodyS3Location(definitionUri, where));
        } else if (body != null) {
            SamOpenApi3.apply(body, openApiVersion);
            api.set("Body", body);
        }
        for (String name : COPIED) {
            if (!SamValues.isFalsy(properties.get(name))) {
                api.set(name, properties.get(name));
            }
        }
        restApi.setAll(attributes(true));
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(id, restApi);
        JsonNode definition = api.has("Body") ? api.get("Body") : api.get("BodyS3Location");
        StringBuilder deploymentId = new StringBuilder();
        ObjectNode deployment =
                SamDeployment.deployment(
                        id, definition, openApiVersion, attributes(false), deploymentId);
        out.put(deploymentId.toString(), deployment);
        out.putAll(
                SamDomain.generate(
                        id, properties.get("Domain"), attributes(false), where + ".Domain"));
        String stageId = SamDeployment.stageId(id, stageName);
        out.put(stageId, stage(deploymentId.toString(), stageName));
        JsonNode auth = properties.get("Auth");
        if (auth != null && auth.isObject()) {
            out.putAll(
                    plans.plan(
                            id,
                            stageId,
                            auth.get("UsagePlan"),
                            attributes(false),
                            where + ".Auth.UsagePlan"));
        }
        return out;
    }

    /** Fails when the properties set both {@code DefinitionBody} and {@code DefinitionUri}. */
    static void requireOneDefinition(ObjectNode properties, String where) {
        if (!SamValues.isFalsy(properties.get("DefinitionBody"))
                && !SamValues.isFalsy(properties.get("DefinitionUri"))) {
            throw invalid(
                    where,
                    "Specify either 'DefinitionUri' or 'DefinitionBody' property and"
                            + " not both.");
        }
    }

    private void copy(String name, ObjectNode api) {
        if (!SamValues.isFalsy(properties.get(name))) {
            api.set(name, properties.get(name));
        }
    }

    /** Applies {@code edit} to the body when the property {@code name} is set. */
    private void edit(String name, ObjectNode body, BodyEdit edit, String label, String unable) {
        JsonNode value = properties.get(name);
        if (SamValues.isFalsy(value)) {
            return;
        }
        if (body == null) {
            throw invalid(
                    where + "." + name,
                    label
                            + " works only with inline Swagger specified in"
                            + " 'DefinitionBody' property.");
        }
        if (!SamSwagger.isValid(body)) {
            throw invalid(
                    where + "." + name,
                    unable + " 'DefinitionBody' does not contain a valid" + " Swagger definition.");
        }
        edit.apply(value, new SamSwagger(body, where + ".DefinitionBody"));
    }

    @FunctionalInterface
    private interface BodyEdit {
        void apply(JsonNode value, SamSwagger body);
    }

    private String openApiVersion() {
        JsonNode version = properties.get("OpenApiVersion");
        if (SamValues.isFalsy(version)) {
            return null;
        }
        if (!OPENAPI_VERSION.matcher(version.asText()).matches()) {
            throw invalid(
                    where + ".OpenApiVersion",
                    "The OpenApiVersion value must be of the format '3.0.0'.");
        }
        return version.asText();
    }

    private void endpointConfiguration(ObjectNode api) {
        JsonNode value = properties.get("EndpointConfiguration");
        if (SamValues.isFalsy(value)) {
            return;
        }
        ObjectNode configuration = api.putObject("EndpointConfiguration");
        JsonNode type =
                value.isObject() && !SamValues.isIntrinsic(value) ? value.get("Type") : value;
        if (SamValues.isFalsy(type)) {
            throw invalid(where + ".EndpointConfiguration", "must name a Type");
        }
        configuration.putArray("Types").add(type);
        if (value.isObject() && value.has("VPCEndpointIds")) {
            configuration.set("VpcEndpointIds", value.get("VPCEndpointIds"));
        }
        api.putObject("Parameters").set("endpointConfigurationTypes", type);
    }

    /**
     * The {@code BodyS3Location} of a {@code DefinitionUri} (of the API whose properties are at
     * {@code where}): an S3 object for a {@code Bucket}/{@code Key} object or an {@code s3://} URI,
     * else the local path as it is.
     */
    static JsonNode bodyS3Location(JsonNode uri, String where) {
        if (uri.isObject()) {
            if (SamValues.isFalsy(uri.get("Bucket")) || SamValues.isFalsy(uri.get("Key"))) {
                throw invalid(
                        where + ".DefinitionUri",
                        "'DefinitionUri' requires Bucket and Key properties to be specified.");
            }
            ObjectNode location = JSON.objectNode();
            location.set("Bucket", uri.get("Bucket"));
            location.set("Key", uri.get("Key"));
            if (uri.has("Version")) {
                location.set("Version", uri.get("Version"));
            }
            return location;
        }
        var s3 = S3_URI.matcher(uri.asText());
        if (!s3.matches()) {
            return uri;
        }
        ObjectNode location = JSON.objectNode();
        location.put("Bucket", s3.group(1));
        location.put("Key", s3.group(2));
        if (s3.group(4) != null) {
            location.put("Version", s3.group(4));
        }
        return location;
    }

    private ObjectNode stage(String deploymentId, JsonNode stageName) {
        ObjectNode stage = JSON.objectNode();
        stage.put("Type", "AWS::ApiGateway::Stage");
        ObjectNode settings = stage.putObject("Properties");
        settings.set("RestApiId", SamValues.ref(id));
        settings.set("DeploymentId", SamValues.ref(deploymentId));
        settings.set("StageName", stageName);
        for (String name : STAGE_SETTINGS) {
            JsonNode value = properties.get(name);
            if (value != null && !value.isNull()) {
                settings.set(name, value);
            }
        }
        JsonNode tags = properties.get("Tags");
        if (tags != null && tags.isObject()) {
            ArrayNode list = settings.putArray("Tags");
            tags.properties()
                    .forEach(
                            e ->
                                    list.addObject()
                                            .put("Key", e.getKey())
                                            .set("Value", e.getValue()));
        }
        stage.setAll(attributes(false));
        return stage;
    }

    /** The resource attributes a generated resource carries (all of them for the RestApi). */
    private ObjectNode attributes(boolean restApi) {
        ObjectNode attributes = JSON.objectNode();
        String[] names =
                restApi
                        ? new String[] {
                            "DependsOn",
                            "Condition",
                            "DeletionPolicy",
                            "UpdateReplacePolicy",
                            "Metadata"
                        }
                        : new String[] {"Condition", "DeletionPolicy", "UpdateReplacePolicy"};
        for (String name : names) {
            if (resource.has(name)) {
                attributes.set(name, resource.get(name).deepCopy());
            }
        }
        return attributes;
    }
}
