package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.Method;
import dev.apigw.model.Model;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.Placeholders.Field;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Imports an OpenAPI 3.0 or 3.1 or Swagger 2.0 definition, JSON or YAML, into a {@link RestApi}, as
 * AWS's {@code ImportRestApi} does (reference sections 4.1 to 4.3): paths become resources,
 * operations methods, schemas models, and every {@code x-amazon-apigateway-*} extension a REST API
 * has is carried over. CloudFormation placeholders are resolved as {@link ImportOptions} says.
 *
 * <p>Errors fail with an {@link OpenApiImportException} naming the JSON pointer of the place; what
 * AWS only warns about is returned in {@link ImportResult#warnings()} (or fails with {@link
 * ImportOptions#failOnWarnings()}). Instances are immutable and thread-safe.
 *
 * <p>An HTTP API definition (one {@link HttpApiImporter#isHttpApi} recognizes) fails with a message
 * starting {@code HTTP API definition:} that names {@link HttpApiImporter}; HTTP API-only root
 * extensions in a REST definition ({@code x-amazon-apigateway-cors}) are warned about and ignored.
 */
public final class OpenApiImporter {
    private static final Map<String, String> OPERATIONS =
            Map.of(
                    "get",
                    "GET",
                    "put",
                    "PUT",
                    "post",
                    "POST",
                    "delete",
                    "DELETE",
                    "options",
                    "OPTIONS",
                    "head",
                    "HEAD",
                    "patch",
                    "PATCH",
                    "x-amazon-apigateway-any-method",
                    "ANY");

    private final ImportOptions options;

    private OpenApiImporter(ImportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Returns an importer with the default options (base path ignored, warnings accepted). */
    public static OpenApiImporter create() {
        return new OpenApiImporter(ImportOptions.defaults());
    }

    /** Returns an importer with the given options. */
    public static OpenApiImporter create(ImportOptions options) {
        return new OpenApiImporter(options);
    }

    /** Returns the options. */
    public ImportOptions options() {
        return options;
    }

    /** Imports the definition in a file. */
    public ImportResult importFile(Path file) {
        return importDocument(Documents.parse(Documents.read(file)));
    }

    /** Imports a definition read from a stream (not closed). */
    public ImportResult importStream(InputStream in) {
        try {
            return importDocument(Documents.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the definition", e);
        }
    }

    /** Imports a definition given as its JSON or YAML text. */
    public ImportResult importText(String definition) {
        return importDocument(Documents.parse(definition.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Imports a definition already read into a JSON tree (a CloudFormation template's {@code
     * Body}); the tree is not changed.
     */
    public ImportResult importTree(JsonNode definition) {
        return importDocument(Documents.object(definition));
    }

    private ImportResult importDocument(JsonNode document) {
        ApiTypes.refuseAsRest(ApiTypes.httpApiMarker(document));
        ImportContext context = ImportContext.of(document, version(document), options);
        RestApi api = convert(context, context.apiName());
        context.checkWarnings();
        return new ImportResult(api, context.warnings());
    }

    /** Returns whether the document is Swagger 2.0; fails unless it is OpenAPI 2.0, 3.0, 3.1. */
    private static boolean version(JsonNode document) {
        JsonNode openapi = document.get("openapi");
        JsonNode swagger = document.get("swagger");
        if (openapi != null) {
            String v = openapi.asText();
            if (v.startsWith("3.0") || v.startsWith("3.1")) {
                return false;
            }
            throw new OpenApiImportException(
                    "/openapi",
                    "unsupported OpenAPI version '" + v + "': 2.0, 3.0 and 3.1 are supported");
        }
        if (swagger != null) {
            if (swagger.asText().startsWith("2.0")) {
                return true;
            }
            throw new OpenApiImportException(
                    "/swagger",
                    "unsupported Swagger version '"
                            + swagger.asText()
                            + "': 2.0, 3.0 and 3.1 are supported");
        }
        throw new OpenApiImportException(
                "",
                "not an OpenAPI document: it has neither an" + " 'openapi' nor a 'swagger' field");
    }

    private RestApi convert(ImportContext context, String name) {
        Node root = context.root();
        RestApi.Builder b = RestApi.builder().name(name);
        String description = context.text(root.get("info").get("description"), Field.DESCRIBE);
        if (!description.isEmpty()) {
            b.description(description);
        }
        String version = context.text(root.get("info").get("version"), Field.DESCRIBE);
        if (!version.isEmpty()) {
            b.version(version);
        }
        Map<String, RequestValidator> validators = new ApiExtensions(context).apply(b);
        Models models = new Models(context);
        models.convertDeclared();
        Security security = new Security(context);
        security.convertSchemes().forEach(b::authorizer);
        Node defaultValidator = root.get("x-amazon-apigateway-request-validator");
        Methods methods =
                new Methods(
                        context,
                        models,
                        security,
                        validators.keySet(),
                        defaultValidator.isMissing()
                                ? null
                                : context.text(defaultValidator, Field.SERVE));
        String prefix = BasePaths.prefix(context);
        for (Map.Entry<String, Node> e : root.get("paths").fields()) {
            resource(context, prefix, e.getKey(), context.deref(e.getValue()), methods, b);
        }
        for (Model model : models.models().values()) {
            b.model(model);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new OpenApiImportException("/paths", e.getMessage(), e);
        }
    }

    private static void resource(
            ImportContext context,
            String prefix,
            String path,
            Node item,
            Methods methods,
            RestApi.Builder b) {
        String resourcePath = path.equals("/") && !prefix.isEmpty() ? prefix : prefix + path;
        for (Map.Entry<String, Node> op : item.fields()) {
            String key = op.getKey();
            String httpMethod = OPERATIONS.get(key.toLowerCase(Locale.ROOT));
            if (httpMethod == null) {
                if (key.equals("trace")) {
                    context.warn(op.getValue(), "TRACE is not an API Gateway method; ignored");
                }
                continue;
            }
            Node operation = op.getValue();
            Method method = methods.convert(path, item, httpMethod, operation);
            try {
                b.resource(resourcePath, r -> r.method(method));
            } catch (IllegalArgumentException e) {
                throw ImportContext.fail(item, e.getMessage());
            }
        }
        if (item.fields().isEmpty() || !prefix.isEmpty() && path.equals("/")) {
            try {
                b.resource(resourcePath, r -> {});
            } catch (IllegalArgumentException e) {
                throw ImportContext.fail(item, e.getMessage());
            }
        }
    }
}
