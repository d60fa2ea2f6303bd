package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;

/**
 * Writes the API-wide {@code x-amazon-apigateway-*} extensions of an export with the integrations
 * extension (reference section 4.1): request validators, binary media types, gateway responses,
 * policy, API key source, minimum compression size and endpoint configuration. Empty or absent
 * values are left out; the API key source is always written.
 */
final class ExportApiExtensions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExportApiExtensions() {}

    /** Adds the extensions to the root; the endpoint configuration goes where the dialect says. */
    static void write(RestApi api, ObjectNode root, ExportDialect dialect) {
        endpointConfiguration(api.endpointConfiguration(), root, dialect);
        if (!api.requestValidators().isEmpty()) {
            root.set("x-amazon-apigateway-request-validators", validators(api));
        }
        if (!api.binaryMediaTypes().isEmpty()) {
            ArrayNode types = root.putArray("x-amazon-apigateway-binary-media-types");
            api.binaryMediaTypes().forEach(types::add);
        }
        if (!api.gatewayResponses().isEmpty()) {
            ObjectNode responses = root.putObject("x-amazon-apigateway-gateway-responses");
            api.gatewayResponses()
                    .values()
                    .forEach(r -> responses.set(r.responseType().name(), gatewayResponse(r)));
        }
        api.policy()
                .ifPresent(
                        p ->
                                root.set(
                                        "x-amazon-apigateway-policy",
                                        ExportJson.parse(p).orElseGet(() -> NODES.textNode(p))));
        root.put("x-amazon-apigateway-api-key-source", api.apiKeySource().name());
        api.minimumCompressionSize()
                .ifPresent(size -> root.put("x-amazon-apigateway-minimum-compression-size", size));
    }

    private static ObjectNode validators(RestApi api) {
        ObjectNode validators = NODES.objectNode();
        for (RequestValidator validator : api.requestValidators().values()) {
            if (validators.has(validator.name())) {
                throw new IllegalArgumentException(
                        "request validator "
                                + validator.id()
                                + ": another validator is named "
                                + validator.name()
                                + ", and OpenAPI keys validators by name");
            }
            ObjectNode node = validators.putObject(validator.name());
            node.put("validateRequestBody", validator.validateRequestBody());
            node.put("validateRequestParameters", validator.validateRequestParameters());
        }
        return validators;
    }

    private static ObjectNode gatewayResponse(GatewayResponse response) {
        ObjectNode node = NODES.objectNode();
        response.statusCode().ifPresent(s -> node.put("statusCode", Integer.toString(s)));
        ExportIntegration.putMap(node, "responseParameters", response.responseParameters());
        ExportIntegration.putMap(node, "responseTemplates", response.responseTemplates());
        return node;
    }

    private static void endpointConfiguration(
            EndpointConfiguration configuration, ObjectNode root, ExportDialect dialect) {
        ObjectNode node = NODES.objectNode();
        if (configuration.disableExecuteApiEndpoint()) {
            node.put("disableExecuteApiEndpoint", true);
        }
        if (!configuration.vpcEndpointIds().isEmpty()) {
            ArrayNode ids = node.putArray("vpcEndpointIds");
            configuration.vpcEndpointIds().forEach(ids::add);
        }
        if (!node.isEmpty()) {
            dialect.endpointConfiguration(root, node);
        }
    }
}
