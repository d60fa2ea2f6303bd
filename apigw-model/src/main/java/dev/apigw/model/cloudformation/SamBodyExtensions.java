package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What SAM adds to an API's body besides CORS, auth and gateway responses: {@code Models} as
 * definitions, {@code BinaryMediaTypes} as {@code x-amazon-apigateway-binary-media-types} and
 * {@code DisableExecuteApiEndpoint} as the endpoint configuration extension (reference 4.1, 6.3).
 */
final class SamBodyExtensions {
    private SamBodyExtensions() {}

    /** Adds a SAM API's {@code Models} (at {@code where}) as lower-cased definitions. */
    static void models(JsonNode models, SamSwagger body, String where) {
        if (!models.isObject()) {
            throw invalid(where, "Invalid value for 'Models' property");
        }
        ObjectNode definitions = SamValues.object(body.doc(), "definitions", body.where());
        models.properties()
                .forEach(
                        e -> {
                            if (!e.getValue().isObject()) {
                                throw invalid(where, "Invalid value for 'Models' property");
                            }
                            if (SamValues.isFalsy(e.getValue().get("type"))) {
                                throw invalid(
                                        where + "." + e.getKey(),
                                        "'Models' schema is missing 'type'.");
                            }
                            definitions.set(
                                    e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue());
                        });
    }

    /** Writes {@code types} into a valid body, SAM's {@code ~1} turned back into {@code /}. */
    static void binaryMediaTypes(JsonNode types, ObjectNode body) {
        if (SamValues.isFalsy(types) || !SamSwagger.isValid(body)) {
            return;
        }
        body.set("x-amazon-apigateway-binary-media-types", unescape(types));
    }

    /** SAM's {@code ~1} for {@code /} (in every string and key) turned back. */
    private static JsonNode unescape(JsonNode value) {
        if (value.isTextual()) {
            return JSON.textNode(value.textValue().replace("~1", "/"));
        }
        if (value.isArray()) {
            ArrayNode list = JSON.arrayNode();
            value.forEach(v -> list.add(unescape(v)));
            return list;
        }
        if (value.isObject()) {
            ObjectNode object = JSON.objectNode();
            value.properties()
                    .forEach(
                            e -> object.set(e.getKey().replace("~1", "/"), unescape(e.getValue())));
            return object;
        }
        return value;
    }

    /** Writes {@code DisableExecuteApiEndpoint} (at {@code where}) as SAM's endpoint extension. */
    static void disableExecuteApiEndpoint(JsonNode disable, ObjectNode body, String where) {
        if (disable == null || disable.isNull()) {
            return;
        }
        if (body == null) {
            throw invalid(
                    where + ".DisableExecuteApiEndpoint",
                    "DisableExecuteApiEndpoint works only within 'DefinitionBody' property.");
        }
        String key = "x-amazon-apigateway-endpoint-configuration";
        if (body.has("openapi") && SamSwagger.isOpenApi3(body.get("openapi").asText())) {
            JsonNode servers = body.get("servers");
            ArrayNode list =
                    servers != null && servers.isArray()
                            ? (ArrayNode) servers
                            : body.putArray("servers");
            if (list.isEmpty()) {
                list.addObject();
            }
            list.forEach(
                    s ->
                            SamValues.object((ObjectNode) s, key, where)
                                    .set("disableExecuteApiEndpoint", disable));
        } else {
            SamValues.object(body, key, where).set("disableExecuteApiEndpoint", disable);
        }
    }
}
