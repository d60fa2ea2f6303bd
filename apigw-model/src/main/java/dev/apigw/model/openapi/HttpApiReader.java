package dev.apigw.model.openapi;

import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.model.openapi.Placeholders.Field;
import java.util.List;
import java.util.Map;

/**
 * Reads the API-wide parts of an HTTP API definition (reference section 4.1): {@code info} (name,
 * version, description), {@code x-amazon-apigateway-cors}, the root {@code tags} with {@code
 * x-amazon-apigateway-tag-value}, {@code disableExecuteApiEndpoint}; warns about the root
 * extensions only REST APIs have; the security schemes and paths are {@link HttpSecurity}'s and
 * {@link HttpRoutes}'.
 */
final class HttpApiReader {
    private static final List<String> REST_ONLY =
            List.of(
                    "x-amazon-apigateway-api-key-source",
                    "x-amazon-apigateway-binary-media-types",
                    "x-amazon-apigateway-documentation",
                    "x-amazon-apigateway-endpoint-access-mode",
                    "x-amazon-apigateway-gateway-responses",
                    "x-amazon-apigateway-minimum-compression-size",
                    "x-amazon-apigateway-policy",
                    "x-amazon-apigateway-request-validator",
                    "x-amazon-apigateway-request-validators",
                    "x-amazon-apigateway-security-policy");
    private static final String ENDPOINT = "x-amazon-apigateway-endpoint-configuration";

    private final ImportContext context;
    private final Integrations values;

    HttpApiReader(ImportContext context) {
        this.context = context;
        this.values = new Integrations(context);
    }

    /** Reads the whole definition into an API; fails naming the place of a broken part. */
    HttpApi read() {
        Node root = context.root();
        HttpApi.Builder b = HttpApi.builder(context.apiName());
        String description = context.text(root.get("info").get("description"), Field.DESCRIBE);
        if (!description.isEmpty()) {
            b.description(description);
        }
        String version = context.text(root.get("info").get("version"), Field.DESCRIBE);
        if (!version.isEmpty()) {
            b.version(version);
        }
        for (String key : REST_ONLY) {
            if (root.has(key)) {
                context.warn(root.get(key), key + " is for REST APIs; ignored");
            }
        }
        if (root.has("security")) {
            context.warn(
                    root.get("security"),
                    "root-level security is ignored; HTTP API routes take it per operation");
        }
        Node exportVersion = root.get(ApiTypes.IMPORT_EXPORT_VERSION);
        if (!exportVersion.isMissing() && !exportVersion.json().asText().equals("1.0")) {
            context.warn(
                    exportVersion,
                    ApiTypes.IMPORT_EXPORT_VERSION
                            + " '"
                            + exportVersion.json().asText()
                            + "' is not 1.0, the only version; read as 1.0");
        }
        Node cors = root.get("x-amazon-apigateway-cors");
        if (!cors.isMissing()) {
            b.corsConfiguration(cors(cors));
        }
        tags(root.get("tags"), b);
        b.disableExecuteApiEndpoint(disableExecuteApiEndpoint(root));
        HttpSecurity security = new HttpSecurity(context);
        security.convertSchemes().forEach(b::authorizer);
        new HttpRoutes(context, security).convert(b);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new OpenApiImportException("/paths", e.getMessage(), e);
        }
    }

    /** {@code x-amazon-apigateway-cors} (reference 4.1, 11.2). */
    private CorsConfiguration cors(Node cors) {
        if (!cors.json().isObject()) {
            throw ImportContext.fail(cors, "expected an object");
        }
        CorsConfiguration.Builder c =
                CorsConfiguration.builder()
                        .allowOrigins(strings(cors.get("allowOrigins")))
                        .allowCredentials(bool(cors.get("allowCredentials")))
                        .exposeHeaders(strings(cors.get("exposeHeaders")))
                        .allowMethods(strings(cors.get("allowMethods")))
                        .allowHeaders(strings(cors.get("allowHeaders")));
        Node maxAge = cors.get("maxAge");
        if (!maxAge.isMissing()) {
            c.maxAge(values.integer(maxAge));
        }
        try {
            return c.build();
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(cors, e.getMessage());
        }
    }

    private String[] strings(Node node) {
        return values.strings(node, Field.SERVE).toArray(String[]::new);
    }

    private boolean bool(Node node) {
        if (node.isMissing()) {
            return false;
        }
        String text = context.text(node, Field.SERVE);
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw ImportContext.fail(node, "'" + text + "' is not a boolean");
        }
        return Boolean.parseBoolean(text);
    }

    /** Root {@code tags}: each a tag, valued by {@code x-amazon-apigateway-tag-value} or "". */
    private void tags(Node tags, HttpApi.Builder b) {
        for (Node tag : tags.items()) {
            String name = context.requiredText(tag.get("name"), Field.DESCRIBE, "tag name");
            b.tag(name, context.text(tag.get("x-amazon-apigateway-tag-value"), Field.DESCRIBE));
        }
    }

    private boolean disableExecuteApiEndpoint(Node root) {
        Node config = root.get(ENDPOINT);
        for (Node server : root.get("servers").items()) {
            if (config.isMissing()) {
                config = server.get(ENDPOINT);
            }
        }
        for (Map.Entry<String, Node> e : config.fields()) {
            if (!e.getKey().equals("disableExecuteApiEndpoint")) {
                context.warn(e.getValue(), e.getKey() + " is for REST APIs; ignored");
            }
        }
        return bool(config.get("disableExecuteApiEndpoint"));
    }
}
