package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * A SAM API's {@code GatewayResponses} as the body's {@code x-amazon-apigateway-gateway-responses}:
 * {@code ResponseParameters} {@code Headers}, {@code Paths} and {@code QueryStrings} become {@code
 * gatewayresponse.header.*}, {@code .path.*} and {@code .querystring.*} with their values as
 * written (reference 3.1).
 */
final class SamGatewayResponses {
    private static final Set<String> PROPERTIES =
            Set.of("ResponseParameters", "ResponseTemplates", "StatusCode");
    private static final Map<String, String> PREFIXES =
            Map.of("Headers", "header.", "Paths", "path.", "QueryStrings", "querystring.");

    private SamGatewayResponses() {}

    /** Writes {@code responses} (at {@code where}) into {@code body}. */
    static void apply(JsonNode responses, SamSwagger body, String where) {
        if (!responses.isObject()) {
            throw invalid(where, "must be an object");
        }
        ObjectNode target =
                SamValues.object(body.doc(), "x-amazon-apigateway-gateway-responses", body.where());
        responses
                .properties()
                .forEach(
                        e -> {
                            String at = where + "." + e.getKey();
                            JsonNode response = e.getValue();
                            if (SamValues.isIntrinsic(response)) {
                                throw invalid(
                                        at,
                                        "Unable to set GatewayResponses attribute because intrinsic"
                                                + " functions are not supported for this field.");
                            }
                            if (!response.isObject()) {
                                throw invalid(
                                        at,
                                        "Invalid property type for GatewayResponses. Expected an object"
                                                + " of type 'GatewayResponse'.");
                            }
                            response.fieldNames()
                                    .forEachRemaining(
                                            key -> {
                                                if (!PROPERTIES.contains(key)) {
                                                    throw invalid(
                                                            at,
                                                            "Invalid property '"
                                                                    + key
                                                                    + "' in 'GatewayResponses'"
                                                                    + " property '"
                                                                    + e.getKey()
                                                                    + "'.");
                                                }
                                            });
                            target.set(e.getKey(), response((ObjectNode) response, at));
                        });
    }

    private static ObjectNode response(ObjectNode response, String at) {
        ObjectNode swagger = JSON.objectNode();
        ObjectNode parameters = swagger.putObject("responseParameters");
        JsonNode given = response.get("ResponseParameters");
        if (!SamValues.isFalsy(given)) {
            if (!given.isObject()) {
                throw invalid(at + ".ResponseParameters", "must be an object");
            }
            given.fieldNames()
                    .forEachRemaining(
                            key -> {
                                if (!PREFIXES.containsKey(key)) {
                                    throw invalid(
                                            at + ".ResponseParameters",
                                            "Invalid gateway response parameter '" + key + "'");
                                }
                            });
            for (String kind : new String[] {"Headers", "Paths", "QueryStrings"}) {
                JsonNode values = given.get(kind);
                if (values != null && values.isObject()) {
                    values.properties()
                            .forEach(
                                    v ->
                                            parameters.set(
                                                    "gatewayresponse."
                                                            + PREFIXES.get(kind)
                                                            + v.getKey(),
                                                    v.getValue()));
                }
            }
        }
        JsonNode templates = response.get("ResponseTemplates");
        swagger.set(
                "responseTemplates", SamValues.isFalsy(templates) ? JSON.objectNode() : templates);
        JsonNode status = response.get("StatusCode");
        if (status != null && !status.isNull()) {
            String code = status.asText();
            if (!SamValues.isFalsy(status) && !code.matches("[0-9]{1,3}")) {
                throw invalid(at + ".StatusCode", "Property 'StatusCode' must be numeric");
            }
            if (!code.isEmpty()) {
                swagger.put("statusCode", code);
            }
        }
        return swagger;
    }
}
