package dev.apigw.model.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.Placeholders.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the root-level extensions of reference section 4.1: binary media types, API key source,
 * minimum compression size, resource policy ({@code execute-api:/*} expanded to the API's ARN),
 * endpoint configuration, request validators and gateway responses; warns about the HTTP API-only
 * ones.
 */
final class ApiExtensions {
    private static final List<String> HTTP_API_ONLY =
            List.of(
                    "x-amazon-apigateway-cors",
                    "x-amazon-apigateway-importexport-version",
                    "x-amazon-apigateway-tag-value");

    private final ImportContext context;
    private final Integrations values;

    ApiExtensions(ImportContext context) {
        this.context = context;
        this.values = new Integrations(context);
    }

    /** Applies every root extension to the builder; returns the validators by name. */
    Map<String, RequestValidator> apply(RestApi.Builder b) {
        Node root = context.root();
        for (String key : HTTP_API_ONLY) {
            if (root.has(key)) {
                context.warn(
                        root.get(key),
                        "HTTP API extension "
                                + key
                                + " has no meaning for"
                                + " a REST API; ignored");
            }
        }
        b.binaryMediaTypes(
                values.strings(root.get("x-amazon-apigateway-binary-media-types"), Field.DESCRIBE));
        Node keySource = root.get("x-amazon-apigateway-api-key-source");
        if (!keySource.isMissing()) {
            b.apiKeySource(context.enumValue(keySource, ApiKeySourceType.class, "apiKeySource"));
        }
        Node compression = root.get("x-amazon-apigateway-minimum-compression-size");
        if (!compression.isMissing()) {
            JsonNode json = compression.json();
            if (!json.canConvertToInt()
                    || !json.isIntegralNumber()
                    || json.asInt() < 0
                    || json.asInt() > 10_485_760) {
                throw ImportContext.fail(
                        compression,
                        "Invalid minimum compression size, must" + " be between 0 and 10485760");
            }
            b.minimumCompressionSize(json.asInt());
        }
        Node policy = root.get("x-amazon-apigateway-policy");
        if (!policy.isMissing()) {
            b.policy(policy(policy));
        }
        endpointConfiguration(b);
        Map<String, RequestValidator> validators = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e :
                root.get("x-amazon-apigateway-request-validators").fields()) {
            Node v = e.getValue();
            RequestValidator validator =
                    new RequestValidator(
                            e.getKey(),
                            e.getKey(),
                            v.get("validateRequestBody").json().asBoolean(false),
                            v.get("validateRequestParameters").json().asBoolean(false));
            validators.put(e.getKey(), validator);
            b.requestValidator(validator);
        }
        for (Map.Entry<String, Node> e :
                root.get("x-amazon-apigateway-gateway-responses").fields()) {
            b.gatewayResponse(gatewayResponse(e.getKey(), e.getValue()));
        }
        return validators;
    }

    private GatewayResponse gatewayResponse(String typeName, Node node) {
        GatewayResponseType type =
                context.enumValue(
                        new Node(TextNode.valueOf(typeName), node.pointer()),
                        GatewayResponseType.class,
                        "responseType");
        GatewayResponse.Builder g =
                GatewayResponse.builder()
                        .responseType(type)
                        .responseParameters(
                                values.stringMap(node.get("responseParameters"), Field.SERVE))
                        .responseTemplates(
                                values.stringMap(node.get("responseTemplates"), Field.TEMPLATE));
        Node status = node.get("statusCode");
        if (!status.isMissing()) {
            String text = context.text(status, Field.SERVE);
            try {
                g.statusCode(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw ImportContext.fail(
                        status,
                        "statusCode '"
                                + text
                                + "' must satisfy"
                                + " regular expression pattern: [1-5]\\d\\d");
            }
        }
        try {
            return g.build();
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(node, e.getMessage());
        }
    }

    /**
     * Returns {@code x-amazon-apigateway-endpoint-configuration}: the root's (Swagger 2.0), else
     * the first server's that has one (OpenAPI 3).
     */
    static Node endpointConfiguration(Node root) {
        Node config = root.get("x-amazon-apigateway-endpoint-configuration");
        for (Node server : root.get("servers").items()) {
            if (config.isMissing()) {
                config = server.get("x-amazon-apigateway-endpoint-configuration");
            }
        }
        return config;
    }

    private void endpointConfiguration(RestApi.Builder b) {
        Node config = endpointConfiguration(context.root());
        List<String> vpcEndpoints = values.strings(config.get("vpcEndpointIds"), Field.DESCRIBE);
        b.endpointConfiguration(
                new EndpointConfiguration(
                        List.of(context.options().endpointType()),
                        vpcEndpoints,
                        config.get("disableExecuteApiEndpoint").json().asBoolean(false)));
    }

    private String policy(Node policy) {
        Node document = policy;
        if (policy.json().isTextual()) {
            try {
                document = new Node(Models.JSON.readTree(policy.json().asText()), policy.pointer());
            } catch (JsonProcessingException e) {
                throw ImportContext.fail(
                        policy, "policy is not a JSON document: " + e.getOriginalMessage());
            }
        }
        if (!document.json().isObject()) {
            throw ImportContext.fail(policy, "policy must be an IAM policy document (an object)");
        }
        JsonNode resolved = context.placeholders().resolveTree(document, Field.TEMPLATE);
        expandShorthand(resolved);
        return resolved.toString();
    }

    /** Expands {@code execute-api:/...} in Resource and NotResource to the API's ARN. */
    private void expandShorthand(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                boolean resource =
                        field.getKey().equals("Resource") || field.getKey().equals("NotResource");
                if (resource && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(expand(field.getValue().asText())));
                } else if (resource && field.getValue().isArray()) {
                    ArrayNode array = (ArrayNode) field.getValue();
                    for (int i = 0; i < array.size(); i++) {
                        array.set(i, TextNode.valueOf(expand(array.get(i).asText())));
                    }
                } else {
                    expandShorthand(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                expandShorthand(item);
            }
        }
    }

    private String expand(String resource) {
        if (!resource.startsWith("execute-api:/")) {
            return resource;
        }
        ImportOptions o = context.options();
        return "arn:"
                + o.partition()
                + ":execute-api:"
                + o.region()
                + ":"
                + o.accountId()
                + ":"
                + context.restApiId()
                + resource.substring("execute-api:".length());
    }
}
