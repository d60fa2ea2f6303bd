package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.RestApi;
import java.util.Map;

/**
 * The OAS 3.0 shapes of AWS's GetExport (reference section 4.4): {@code "openapi": "3.0.1"}, a
 * server {@code https://{apiId}.execute-api.{region}.amazonaws.com/{basePath}}, parameters with a
 * string {@code schema}, {@code requestBody}, responses with {@code content}, and an always present
 * {@code components}.
 */
final class ExportOas30 implements ExportDialect {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public ObjectNode head(RestApi api, ExportOptions options, String version) {
        ObjectNode root = NODES.objectNode();
        root.put("openapi", "3.0.1");
        ObjectNode info = root.putObject("info");
        info.put("title", api.name());
        api.description().ifPresent(d -> info.put("description", d));
        info.put("version", version);
        server(root, api.id(), options.region(), "/" + options.stageName());
        return root;
    }

    /**
     * Adds the {@code execute-api} server of a stage: {@code
     * https://{apiId}.execute-api.{region}.amazonaws.com/{basePath}} with the {@code basePath}
     * default given; returns the server object.
     */
    static ObjectNode server(ObjectNode root, String apiId, String region, String basePath) {
        ObjectNode server = root.putArray("servers").addObject();
        server.put(
                "url", "https://" + apiId + ".execute-api." + region + ".amazonaws.com/{basePath}");
        server.putObject("variables").putObject("basePath").put("default", basePath);
        return server;
    }

    @Override
    public String schemaRef(String modelName) {
        return "#/components/schemas/" + modelName;
    }

    @Override
    public ObjectNode parameter(String in, String name, boolean required) {
        ObjectNode parameter = NODES.objectNode();
        parameter.put("name", name);
        parameter.put("in", in);
        if (required) {
            parameter.put("required", true);
        }
        parameter.putObject("schema").put("type", "string");
        return parameter;
    }

    @Override
    public void requestModels(ObjectNode operation, Map<String, String> requestModels) {
        if (requestModels.isEmpty()) {
            return;
        }
        ObjectNode body = operation.putObject("requestBody");
        body.set("content", content(requestModels));
        body.put("required", true);
    }

    @Override
    public void mediaTypes(
            ObjectNode operation,
            Map<String, String> requestModels,
            Map<String, MethodResponse> responses) {
        // OAS 3.0 names media types inside requestBody and response content.
    }

    @Override
    public ObjectNode response(MethodResponse response) {
        ObjectNode node = NODES.objectNode();
        node.put("description", response.statusCode() + " response");
        ObjectNode headers = NODES.objectNode();
        ExportNames.headers(response)
                .forEach(
                        (name, required) -> {
                            ObjectNode header = headers.putObject(name);
                            if (required) {
                                header.put("required", true);
                            }
                            header.putObject("schema").put("type", "string");
                        });
        if (!headers.isEmpty()) {
            node.set("headers", headers);
        }
        node.set("content", content(response.responseModels()));
        return node;
    }

    private ObjectNode content(Map<String, String> models) {
        ObjectNode content = NODES.objectNode();
        models.forEach(
                (mediaType, model) ->
                        content.putObject(mediaType)
                                .putObject("schema")
                                .put("$ref", schemaRef(model)));
        return content;
    }

    @Override
    public void components(ObjectNode root, ObjectNode schemas, ObjectNode securitySchemes) {
        ObjectNode components = root.putObject("components");
        if (!schemas.isEmpty()) {
            components.set("schemas", schemas);
        }
        if (!securitySchemes.isEmpty()) {
            components.set("securitySchemes", securitySchemes);
        }
    }

    @Override
    public void endpointConfiguration(ObjectNode root, ObjectNode configuration) {
        ((ObjectNode) root.get("servers").get(0))
                .set("x-amazon-apigateway-endpoint-configuration", configuration);
    }
}
