package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.RestApi;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Swagger 2.0 shapes of AWS's GetExport (reference section 4.4): {@code "swagger": "2.0"},
 * {@code host}, {@code basePath: "/<stage>"}, {@code schemes: ["https"]}, parameters with {@code
 * type: string}, a {@code body} parameter for the request model, responses with one {@code schema},
 * {@code consumes}/{@code produces}, {@code definitions} and {@code securityDefinitions}.
 *
 * <p>A Swagger 2.0 body or response has one schema: the {@code application/json} model is written;
 * models of other media types only show in {@code consumes}/{@code produces}.
 */
final class ExportSwagger implements ExportDialect {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";

    @Override
    public ObjectNode head(RestApi api, ExportOptions options, String version) {
        ObjectNode root = NODES.objectNode();
        root.put("swagger", "2.0");
        ObjectNode info = root.putObject("info");
        api.description().ifPresent(d -> info.put("description", d));
        info.put("version", version);
        info.put("title", api.name());
        root.put("host", api.id() + ".execute-api." + options.region() + ".amazonaws.com");
        root.put("basePath", "/" + options.stageName());
        root.putArray("schemes").add("https");
        return root;
    }

    @Override
    public String schemaRef(String modelName) {
        return "#/definitions/" + modelName;
    }

    @Override
    public ObjectNode parameter(String in, String name, boolean required) {
        ObjectNode parameter = NODES.objectNode();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", required);
        parameter.put("type", "string");
        return parameter;
    }

    @Override
    public void requestModels(ObjectNode operation, Map<String, String> requestModels) {
        String model = requestModels.get(JSON);
        if (model == null) {
            return;
        }
        ObjectNode body = NODES.objectNode();
        body.put("in", "body");
        body.put("name", model);
        body.put("required", true);
        body.putObject("schema").put("$ref", schemaRef(model));
        ArrayNode parameters =
                operation.has("parameters")
                        ? (ArrayNode) operation.get("parameters")
                        : operation.putArray("parameters");
        parameters.add(body);
    }

    @Override
    public void mediaTypes(
            ObjectNode operation,
            Map<String, String> requestModels,
            Map<String, MethodResponse> responses) {
        if (!requestModels.isEmpty()) {
            ArrayNode consumes = operation.putArray("consumes");
            requestModels.keySet().forEach(consumes::add);
        }
        Set<String> produced = new LinkedHashSet<>();
        responses.values().forEach(r -> produced.addAll(r.responseModels().keySet()));
        if (!produced.isEmpty()) {
            ArrayNode produces = operation.putArray("produces");
            produced.forEach(produces::add);
        }
    }

    @Override
    public ObjectNode response(MethodResponse response) {
        ObjectNode node = NODES.objectNode();
        node.put("description", response.statusCode() + " response");
        String model = response.responseModels().get(JSON);
        if (model != null) {
            node.putObject("schema").put("$ref", schemaRef(model));
        }
        ObjectNode headers = NODES.objectNode();
        ExportNames.headers(response)
                .keySet()
                .forEach(name -> headers.putObject(name).put("type", "string"));
        if (!headers.isEmpty()) {
            node.set("headers", headers);
        }
        return node;
    }

    @Override
    public void components(ObjectNode root, ObjectNode schemas, ObjectNode securitySchemes) {
        if (!securitySchemes.isEmpty()) {
            root.set("securityDefinitions", securitySchemes);
        }
        if (!schemas.isEmpty()) {
            root.set("definitions", schemas);
        }
    }

    @Override
    public void endpointConfiguration(ObjectNode root, ObjectNode configuration) {
        root.set("x-amazon-apigateway-endpoint-configuration", configuration);
    }
}
