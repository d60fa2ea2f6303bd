package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpStage;
import java.util.List;

/**
 * Exports an {@link HttpApi} as an OpenAPI 3.0 document in the shape of apigatewayv2's {@code
 * ExportApi} (reference section 4.4): JSON or YAML, with the {@code x-amazon-apigateway-*}
 * extensions (by default) or without, and with the {@code servers} URL of a stage when one is
 * named; the inverse of {@link HttpApiImporter}.
 *
 * <p>What a document holds: {@code info} (name, description, version or else the options'
 * timestamp), the stage's server, the tags, a path item per route path ({@link HttpExportPaths}),
 * the security schemes ({@link HttpExportSecurity}) and, with extensions, the integrations, {@code
 * x-amazon-apigateway-cors} and {@code x-amazon-apigateway-importexport-version: "1.0"}. What it
 * cannot hold, so an import does not give it back: the ids of the API, the routes and the
 * authorizers (names and route keys are written), and the stages.
 *
 * <p>Stateless and thread-safe.
 */
public final class HttpApiExporter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HttpApiExporter() {}

    /**
     * Returns the API as a document of the options' output type.
     *
     * @throws IllegalArgumentException when the API has no version and the options no timestamp, or
     *     an authorizer is named {@code sigv4}
     */
    public static String export(HttpApi api, HttpExportOptions options) {
        return ExportJson.write(tree(api, options), options.outputType());
    }

    static ObjectNode tree(HttpApi api, HttpExportOptions options) {
        boolean extensions = options.includeExtensions();
        ObjectNode root = NODES.objectNode();
        root.put("openapi", "3.0.1");
        ObjectNode info = root.putObject("info");
        info.put("title", api.name());
        api.description().ifPresent(d -> info.put("description", d));
        info.put(
                "version",
                OpenApiExporter.infoVersion(
                        api.version(), options.timestamp(), "HTTP API " + api.name()));
        ObjectNode endpointHolder = root;
        if (options.stageName().isPresent()) {
            endpointHolder = server(root, api, options);
        }
        if (extensions && api.disableExecuteApiEndpoint()) {
            endpointHolder
                    .putObject("x-amazon-apigateway-endpoint-configuration")
                    .put("disableExecuteApiEndpoint", true);
        }
        if (!api.tags().isEmpty()) {
            ArrayNode tags = root.putArray("tags");
            api.tags()
                    .forEach(
                            (name, value) -> {
                                ObjectNode tag = tags.addObject().put("name", name);
                                if (extensions) {
                                    tag.put("x-amazon-apigateway-tag-value", value);
                                }
                            });
        }
        HttpExportSecurity security = new HttpExportSecurity(api, extensions);
        HttpExportPaths paths = new HttpExportPaths(api, extensions, security);
        root.set("paths", paths.paths());
        ObjectNode components = root.putObject("components");
        ObjectNode schemes = security.schemes();
        if (!schemes.isEmpty()) {
            components.set("securitySchemes", schemes);
        }
        if (!paths.components().isEmpty()) {
            components.set("x-amazon-apigateway-integrations", paths.components());
        }
        if (extensions) {
            api.corsConfiguration().ifPresent(c -> root.set("x-amazon-apigateway-cors", cors(c)));
            root.put(ApiTypes.IMPORT_EXPORT_VERSION, "1.0");
        }
        return root;
    }

    /** The stage's URL: {@code $default} at the root, another stage under its name. */
    private static ObjectNode server(ObjectNode root, HttpApi api, HttpExportOptions options) {
        String stage = options.stageName().orElseThrow();
        return ExportOas30.server(
                root, api.id(), options.region(), stage.equals(HttpStage.DEFAULT) ? "" : stage);
    }

    private static ObjectNode cors(CorsConfiguration cors) {
        ObjectNode node = NODES.objectNode();
        list(node, "allowOrigins", cors.allowOrigins());
        node.put("allowCredentials", cors.allowCredentials());
        list(node, "exposeHeaders", cors.exposeHeaders());
        cors.maxAge().ifPresent(age -> node.put("maxAge", age));
        list(node, "allowMethods", cors.allowMethods());
        list(node, "allowHeaders", cors.allowHeaders());
        return node;
    }

    private static void list(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }
}
