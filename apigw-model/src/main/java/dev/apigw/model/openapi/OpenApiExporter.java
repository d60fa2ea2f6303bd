package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.RestApi;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Exports a {@link RestApi} as an OpenAPI 3.0 or Swagger 2.0 document, in JSON or YAML, with or
 * without the API Gateway extensions, as AWS's GetExport does (reference section 4.4, "Export a
 * REST API from API Gateway"); the inverse of the import mapping of reference section 4.3.
 *
 * <p>What a document holds: {@code info} (the name as {@code title}, the description, the version
 * or else the options' timestamp); the stage's {@code execute-api} server; a path item per resource
 * with methods; per method its {@code operationId}, {@code method.request.*} declarations as string
 * parameters, request models, responses with header declarations and models, and {@code security}
 * ({@code api_key}, {@code sigv4}, the authorizer's scheme); the models and security schemes.
 * {@link ExportExtension#APIGATEWAY} adds each integration and the API-wide extensions; {@link
 * ExportExtension#AUTHORIZERS} adds the authorizers' definitions.
 *
 * <p>What a document cannot hold, so an import of it does not give these back: the ids of the API,
 * resources, validators and authorizers (names are written), the endpoint types, a model's media
 * type and description, {@code multivaluequerystring}/{@code multivalueheader} declarations, and
 * scopes or an authorizer on a method that is not CUSTOM or COGNITO_USER_POOLS. A Swagger 2.0
 * document also loses the required flags of response headers and the models of media types other
 * than {@code application/json}.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenApiExporter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private OpenApiExporter() {}

    /**
     * Returns the API as a document of the options' type, media type and extensions.
     *
     * @throws IllegalArgumentException when the API has no version and the options no timestamp, a
     *     method's models are all non-JSON, a model's schema is not JSON, two integration responses
     *     of a method share a selection pattern, two validators share a name, or an authorizer is
     *     named {@code api_key} or {@code sigv4}; the message names the place
     */
    public static String export(RestApi api, ExportOptions options) {
        return ExportJson.write(tree(api, options), options.mediaType());
    }

    static ObjectNode tree(RestApi api, ExportOptions options) {
        ExportDialect dialect = ExportDialect.of(options.exportType());
        ExportSecurity security = new ExportSecurity(api, options);
        ObjectNode root =
                dialect.head(
                        api,
                        options,
                        infoVersion(api.version(), options.timestamp(), "API " + api.name()));
        root.set("paths", new ExportPaths(api, options, dialect, security).paths());
        dialect.components(root, ExportModels.schemas(api, dialect), security.schemes());
        if (options.withIntegrations()) {
            ExportApiExtensions.write(api, root, dialect);
        }
        return root;
    }

    /**
     * Returns {@code info.version}: the API's version, else the timestamp to the second; fails
     * naming {@code api} when there is neither (reference 4.4).
     */
    static String infoVersion(Optional<String> version, Optional<Instant> timestamp, String api) {
        if (version.isPresent()) {
            return version.get();
        }
        return timestamp
                .map(t -> TIMESTAMP.format(t.truncatedTo(ChronoUnit.SECONDS)))
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        api
                                                + " has no version: the export options need a"
                                                + " timestamp for info.version"));
    }
}
