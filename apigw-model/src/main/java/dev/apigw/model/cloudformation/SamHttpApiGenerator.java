package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code AWS::Serverless::HttpApi} as CloudFormation (reference 9.1, HTTP API stages, 11.2): an
 * {@code AWS::ApiGatewayV2::Api} (its {@code DefinitionBody} as {@code Body}, or {@code
 * DefinitionUri} as {@code BodyS3Location}, else named after the stack), its {@code
 * CorsConfiguration} ({@code true}: every origin), the authorizers of its {@code Auth} ({@link
 * SamHttpAuth}), the integration and route of each function event ({@link SamHttpApiEvent}), and
 * one {@code AWS::ApiGatewayV2::Stage} named {@code StageName} (by default {@code $default}) that
 * deploys automatically, with the events' {@code RouteSettings} added to its own.
 */
final class SamHttpApiGenerator {
    static final String TYPE = "AWS::Serverless::HttpApi";

    private static final String[] COPIED = {
        "Name", "Description", "DisableExecuteApiEndpoint", "FailOnWarnings"
    };
    private static final String[] STAGE_SETTINGS = {
        "StageVariables", "DefaultRouteSettings", "AccessLogSettings"
    };

    private final String id;
    private final ObjectNode resource;
    private final ObjectNode properties;
    private final String where;

    private SamHttpApiGenerator(String id, ObjectNode resource) {
        this.id = id;
        this.resource = resource;
        this.properties = resource.withObjectProperty("Properties");
        this.where = "Resources." + id + ".Properties";
    }

    /**
     * The resources generated for the SAM HTTP API {@code id} ({@code resource}, globals applied)
     * and its function {@code events}.
     */
    static Map<String, ObjectNode> generate(
            String id, ObjectNode resource, List<SamHttpApiEvent> events) {
        return new SamHttpApiGenerator(id, resource).generate(events);
    }

    private Map<String, ObjectNode> generate(List<SamHttpApiEvent> events) {
        SamApiGenerator.requireOneDefinition(properties, where);
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(id, api());
        JsonNode auth = properties.get("Auth");
        if (auth != null && !auth.isObject()) {
            throw invalid(where + ".Auth", "must be an object");
        }
        ObjectNode apiAuth = auth == null ? JSON.objectNode() : (ObjectNode) auth;
        Map<String, SamHttpAuth.Generated> authorizers =
                SamHttpAuth.generate(id, apiAuth, where + ".Auth", out);
        String defaultName = SamValues.text(apiAuth.get("DefaultAuthorizer"));
        if (defaultName != null && !SamValues.isFalsy(properties.get("DefinitionBody"))) {
            SamHttpAuth.Generated authorizer = authorizers.get(defaultName);
            SamDefaultAuthorizer.mark(
                    out.get(id),
                    authorizer == null ? defaultName : authorizer.logicalId(),
                    authorizer == null ? null : authorizer.scopes());
        }
        ObjectNode routeSettings = JSON.objectNode();
        JsonNode own = properties.get("RouteSettings");
        if (own != null && own.isObject()) {
            routeSettings.setAll((ObjectNode) own);
        }
        Set<String> keys = new HashSet<>();
        for (SamHttpApiEvent event : events) {
            if (!keys.add(event.routeKey())) {
                throw invalid(
                        event.where(),
                        "the route " + event.routeKey() + " is defined multiple times on " + id);
            }
            out.putAll(event.resources(id, apiAuth, authorizers));
            JsonNode settings = event.event().get("RouteSettings");
            if (settings != null && !settings.isNull()) {
                routeSettings.set(event.routeKey(), settings);
            }
        }
        JsonNode stageName = properties.get("StageName");
        if (SamValues.isFalsy(stageName)) {
            stageName = JSON.textNode("$default");
        }
        String stageId =
                "$default".equals(SamValues.text(stageName))
                        ? id + "ApiGatewayDefaultStage"
                        : SamDeployment.stageId(id, stageName);
        out.put(stageId, stage(stageName, routeSettings));
        return out;
    }

    private ObjectNode api() {
        ObjectNode api = JSON.objectNode();
        api.put("Type", "AWS::ApiGatewayV2::Api");
        ObjectNode p = api.putObject("Properties");
        JsonNode body = properties.get("DefinitionBody");
        JsonNode uri = properties.get("DefinitionUri");
        if (!SamValues.isFalsy(body)) {
            p.set("Body", body);
        } else if (!SamValues.isFalsy(uri)) {
            p.set("BodyS3Location", SamApiGenerator.bodyS3Location(uri, where));
        } else {
            p.put("ProtocolType", "HTTP");
            p.set("Name", SamValues.ref("AWS::StackName"));
        }
        for (String name : COPIED) {
            JsonNode value = properties.get(name);
            if (value != null && !value.isNull()) {
                p.set(name, value);
            }
        }
        cors(p);
        ObjectNode tags = p.putObject("Tags");
        JsonNode userTags = properties.get("Tags");
        if (userTags != null && userTags.isObject()) {
            tags.setAll((ObjectNode) userTags);
        }
        tags.put("httpapi:createdBy", "SAM");
        for (String attribute :
                new String[] {"DependsOn", "Condition", "DeletionPolicy", "Metadata"}) {
            if (resource.has(attribute)) {
                api.set(attribute, resource.get(attribute).deepCopy());
            }
        }
        return api;
    }

    /** {@code true}: every origin; a string: that origin; an object: as it is. */
    private void cors(ObjectNode api) {
        JsonNode cors = properties.get("CorsConfiguration");
        if (SamValues.isFalsy(cors)) {
            return;
        }
        if (cors.isBoolean()) {
            api.putObject("CorsConfiguration").putArray("AllowOrigins").add("*");
        } else if (cors.isTextual()) {
            api.putObject("CorsConfiguration").putArray("AllowOrigins").add(cors);
        } else if (cors.isObject()) {
            api.set("CorsConfiguration", cors);
        } else {
            throw invalid(
                    where + ".CorsConfiguration",
                    "CorsConfiguration must be a boolean, an origin or an object.");
        }
    }

    private ObjectNode stage(JsonNode stageName, ObjectNode routeSettings) {
        ObjectNode stage = JSON.objectNode();
        stage.put("Type", "AWS::ApiGatewayV2::Stage");
        ObjectNode p = stage.putObject("Properties");
        p.set("ApiId", SamValues.ref(id));
        p.set("StageName", stageName);
        p.put("AutoDeploy", true);
        for (String name : STAGE_SETTINGS) {
            JsonNode value = properties.get(name);
            if (value != null && !value.isNull()) {
                p.set(name, value);
            }
        }
        if (!routeSettings.isEmpty()) {
            p.set("RouteSettings", routeSettings);
        }
        if (resource.has("Condition")) {
            stage.set("Condition", resource.get("Condition").deepCopy());
        }
        return stage;
    }
}
