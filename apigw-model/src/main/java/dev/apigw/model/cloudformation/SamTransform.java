package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the {@code AWS::Serverless-2016-10-31} transform as AWS SAM's translator does for API
 * Gateway REST and HTTP APIs: every {@code AWS::Serverless::Api}, {@code AWS::Serverless::HttpApi},
 * {@code AWS::Serverless::Function} and the implicit APIs of the functions' {@code Api} and {@code
 * HttpApi} events become plain CloudFormation, with {@code Globals} applied (reference 4.3, 8,
 * 9.1). Intrinsic functions are left for the importer to resolve; other resources pass through
 * unchanged. IAM roles and Lambda permissions SAM would add are left out: serving needs neither.
 */
final class SamTransform {
    private SamTransform() {}

    /**
     * A new template: {@code template} with its SAM resources expanded and {@code Transform} and
     * {@code Globals} removed; {@code template} is not changed.
     *
     * @throws IllegalArgumentException when the SAM is invalid; the message starts with the
     *     property path ({@code Resources.MyApi.Properties.Auth.DefaultAuthorizer: ...})
     */
    static ObjectNode expand(ObjectNode template) {
        ObjectNode out = template.deepCopy();
        out.remove("Transform");
        SamGlobals globals = SamGlobals.parse(out.remove("Globals"));
        JsonNode value = out.get("Resources");
        if (value == null || !value.isObject()) {
            throw invalid("Resources", "a SAM template needs a Resources section (an object)");
        }
        ObjectNode resources = (ObjectNode) value;
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            check(resource.getKey(), resource.getValue());
        }
        Set<String> managed = SamImplicitApi.expand(resources, new HashSet<>());
        Map<String, List<SamHttpApiEvent>> httpEvents = SamImplicitHttpApi.expand(resources);
        resources
                .properties()
                .forEach(
                        e -> {
                            String type = SamValues.text(e.getValue().get("Type"));
                            if (SamImplicitApi.FUNCTION.equals(type)) {
                                globals.apply("Function", e.getKey(), (ObjectNode) e.getValue());
                            } else if (SamImplicitApi.API.equals(type)) {
                                globals.apply("Api", e.getKey(), (ObjectNode) e.getValue());
                                setOpenApiVersion(e.getKey(), (ObjectNode) e.getValue(), managed);
                            } else if (SamHttpApiGenerator.TYPE.equals(type)) {
                                globals.apply("HttpApi", e.getKey(), (ObjectNode) e.getValue());
                            }
                        });
        for (Map.Entry<String, ObjectNode> event : SamImplicitApi.apiEvents(resources)) {
            String where = event.getKey();
            String functionId = where.split("\\.")[1];
            String apiId = SamValues.refTarget(event.getValue().get("RestApiId")).textValue();
            ObjectNode api = (ObjectNode) resources.get(apiId).get("Properties");
            SamApiEvent.apply(
                    functionId,
                    event.getValue(),
                    where,
                    api,
                    "Resources." + apiId + ".Properties",
                    managed.contains(apiId));
        }
        SamReferences refs = new SamReferences();
        ObjectNode expanded = withResources(out, generate(resources, httpEvents, refs));
        refs.resolve(expanded);
        return expanded;
    }

    private static void check(String id, JsonNode resource) {
        if (!resource.isObject()) {
            throw invalid("Resources." + id, "must be an object");
        }
        String type = SamValues.text(resource.get("Type"));
        JsonNode properties = resource.get("Properties");
        boolean sam =
                SamImplicitApi.FUNCTION.equals(type)
                        || SamImplicitApi.API.equals(type)
                        || SamHttpApiGenerator.TYPE.equals(type);
        if (sam && properties != null && !properties.isNull() && !properties.isObject()) {
            throw invalid("Resources." + id + ".Properties", "must be an object");
        }
    }

    /** A managed body takes the API's OpenApiVersion 3 in place of {@code swagger: 2.0}. */
    private static void setOpenApiVersion(String id, ObjectNode api, Set<String> managed) {
        JsonNode properties = api.get("Properties");
        JsonNode version = properties == null ? null : properties.get("OpenApiVersion");
        if (!managed.contains(id)
                || version == null
                || !version.isValueNode()
                || !SamSwagger.isOpenApi3(version.asText())) {
            return;
        }
        ObjectNode body = (ObjectNode) properties.get("DefinitionBody");
        body.put("openapi", version.asText());
        body.remove("swagger");
    }

    private static Map<String, JsonNode> generate(
            ObjectNode resources,
            Map<String, List<SamHttpApiEvent>> httpEvents,
            SamReferences refs) {
        Map<String, JsonNode> generated = new LinkedHashMap<>();
        SamUsagePlans plans = new SamUsagePlans();
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            String id = e.getKey();
            ObjectNode resource = (ObjectNode) e.getValue();
            String type = SamValues.text(resource.get("Type"));
            if (SamImplicitApi.FUNCTION.equals(type)) {
                generated.put(id, SamFunction.toLambda(id, resource));
            } else if (SamImplicitApi.API.equals(type)) {
                Map<String, ObjectNode> api = SamApiGenerator.generate(id, resource, plans);
                refs.addApi(id, api);
                generated.putAll(api);
            } else if (SamHttpApiGenerator.TYPE.equals(type)) {
                generated.putAll(
                        SamHttpApiGenerator.generate(
                                id, resource, httpEvents.getOrDefault(id, List.of())));
            } else {
                generated.put(id, resource);
            }
        }
        generated.putAll(plans.shared());
        return generated;
    }

    private static ObjectNode withResources(ObjectNode template, Map<String, JsonNode> resources) {
        ObjectNode out = template.objectNode();
        template.properties()
                .forEach(
                        e -> {
                            if (e.getKey().equals("Resources")) {
                                ObjectNode list = out.putObject("Resources");
                                resources.forEach(list::set);
                            } else {
                                out.set(e.getKey(), e.getValue());
                            }
                        });
        return out;
    }
}
