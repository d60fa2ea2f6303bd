package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.HttpApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Imports an OpenAPI 3.0 definition, JSON or YAML, into an {@link HttpApi}, as apigatewayv2's
 * {@code ImportApi} does (reference sections 4.1, 4.2, 4.3 "HTTP API import", 5.5, 7.2, 8.5, 8.6,
 * 11.2): each operation of each path becomes the route {@code METHOD /path} ({@code
 * x-amazon-apigateway-any-method} is {@code ANY}; the path {@code /$default} or {@code
 * isDefaultRoute: true} is the {@code $default} route), its {@code x-amazon-apigateway-integration}
 * (inline or a {@code $ref} into {@code components.x-amazon-apigateway-integrations}) an {@link
 * dev.apigw.model.HttpIntegration}, its {@code security} the route's authorization; the security
 * schemes become JWT and Lambda authorizers, {@code x-amazon-apigateway-cors} the CORS
 * configuration, {@code info} the name, version and description, root {@code tags} the API's tags.
 * CloudFormation placeholders resolve as for REST ({@link ImportOptions}); the base path applies as
 * {@link ImportOptions#basePath()} says.
 *
 * <p>What an HTTP API cannot hold (request body schemas, validators, REST-only extensions and
 * integration fields) is reported in {@link HttpApiImportResult#warnings()}, or fails with {@link
 * ImportOptions#failOnWarnings()}. Bad input fails with an {@link OpenApiImportException} naming
 * the JSON pointer of the place. Instances are immutable and thread-safe.
 */
public final class HttpApiImporter {
    private final ImportOptions options;

    private HttpApiImporter(ImportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Returns an importer with the default options (base path ignored, warnings accepted). */
    public static HttpApiImporter create() {
        return new HttpApiImporter(ImportOptions.defaults());
    }

    /** Returns an importer with the given options. */
    public static HttpApiImporter create(ImportOptions options) {
        return new HttpApiImporter(options);
    }

    /**
     * Returns whether a definition is an HTTP API's: it has {@code
     * x-amazon-apigateway-importexport-version} (and no REST-only integration), or a construct only
     * HTTP APIs have ({@code integrationSubtype}, {@code /$default}, {@code isDefaultRoute}, a
     * {@code jwt} authorizer). Reference sections 4.1 and 4.3.
     */
    public static boolean isHttpApi(JsonNode definition) {
        return definition != null
                && definition.isObject()
                && ApiTypes.httpApiMarker(definition).isPresent();
    }

    /** Imports the definition in a file. */
    public HttpApiImportResult importFile(Path file) {
        return importDocument(Documents.parse(Documents.read(file)));
    }

    /** Imports a definition given as its JSON or YAML text. */
    public HttpApiImportResult importText(String definition) {
        return importDocument(Documents.parse(definition.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Imports a definition already read into a JSON tree (a CloudFormation template's {@code
     * Body}); the tree is not changed.
     */
    public HttpApiImportResult importTree(JsonNode definition) {
        return importDocument(Documents.object(definition));
    }

    private HttpApiImportResult importDocument(JsonNode document) {
        checkVersion(document);
        ImportContext context = ImportContext.of(document, false, options);
        HttpApi api = new HttpApiReader(context).read();
        context.checkWarnings();
        return new HttpApiImportResult(api, context.warnings());
    }

    /** HTTP APIs import OpenAPI 3.0 only (reference 4.3, "HTTP API import"). */
    private static void checkVersion(JsonNode document) {
        JsonNode openapi = document.get("openapi");
        if (openapi != null && openapi.asText().startsWith("3.0")) {
            return;
        }
        if (openapi != null) {
            throw new OpenApiImportException(
                    "/openapi",
                    "unsupported OpenAPI version '"
                            + openapi.asText()
                            + "': HTTP APIs import OpenAPI 3.0 only");
        }
        throw new OpenApiImportException(
                document.has("swagger") ? "/swagger" : "",
                "HTTP APIs import OpenAPI 3.0 only: the document has no 'openapi: 3.0.x' field");
    }
}
