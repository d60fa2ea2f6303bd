package dev.apigw.samples.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.model.openapi.HttpApiImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The type of API a {@code --spec} file is served as: {@code --api-type http|rest} when given, else
 * what the file says (reference 4.1, 4.3): a definition {@link HttpApiImporter#isHttpApi}
 * recognizes, by its {@code x-amazon-apigateway-importexport-version} or another construct only
 * HTTP APIs have, is an HTTP API; anything else, a file that does not parse included (the REST
 * importer then says why), a REST API.
 */
public enum ApiType {
    /** An HTTP API (apigatewayv2), imported by {@link HttpApiImporter}. */
    HTTP,
    /** A REST API, imported by {@link dev.apigw.model.openapi.OpenApiImporter}. */
    REST,
    /** A WebSocket API, served from a template only ({@link WebSocketServing}, reference 7.3). */
    WEBSOCKET;

    private static final ObjectMapper YAML = new YAMLMapper();

    /** Returns the type named by {@code --api-type}; fails with a usage error on another value. */
    static ApiType parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "http":
                return HTTP;
            case "rest":
                return REST;
            default:
                throw LaunchException.usage("--api-type expects http or rest, got '" + value + "'");
        }
    }

    /** Returns the type {@code given} names, else the type of the definition in {@code spec}. */
    static ApiType of(Path spec, ApiType given) {
        if (given != null) {
            return given;
        }
        JsonNode definition;
        try {
            definition = YAML.readTree(spec.toFile());
        } catch (IOException e) {
            return REST;
        }
        return HttpApiImporter.isHttpApi(definition) ? HTTP : REST;
    }

    /** Returns the name as {@code --api-type} takes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
