package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SAM API's {@code Cors} (a string origin or a CorsConfiguration): an {@code OPTIONS} MOCK method
 * on every path of the body that has none, answering the preflight with SAM's headers (reference
 * 11.2; SAM adds nothing to the other methods or to gateway responses).
 */
final class SamCors {
    private static final String WILDCARD = "'*'";
    private static final Set<String> PROPERTIES =
            Set.of("AllowMethods", "AllowHeaders", "AllowOrigin", "MaxAge", "AllowCredentials");
    private static final List<String> ALL_METHODS =
            List.of("OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH");
    private static final String HEADER = "method.response.header.";

    private SamCors() {}

    /** Adds the preflight methods {@code cors} asks for to {@code body}. */
    static void apply(JsonNode cors, SamSwagger body, String where) {
        ObjectNode settings = JSON.objectNode();
        if (cors.isTextual() || SamValues.isIntrinsic(cors)) {
            settings.set("AllowOrigin", cors);
        } else if (cors.isObject()) {
            cors.fieldNames()
                    .forEachRemaining(
                            key -> {
                                if (!PROPERTIES.contains(key)) {
                                    throw invalid(where, "Invalid value for 'Cors' property");
                                }
                            });
            settings.setAll((ObjectNode) cors);
        } else {
            throw invalid(where, "Invalid value for 'Cors' property");
        }
        JsonNode origin =
                settings.has("AllowOrigin") ? settings.get("AllowOrigin") : text(WILDCARD);
        boolean credentials =
                settings.path("AllowCredentials").isBoolean()
                        && settings.get("AllowCredentials").booleanValue();
        if (credentials && WILDCARD.equals(SamValues.text(origin))) {
            throw invalid(
                    where,
                    "Unable to add Cors configuration because 'AllowCredentials' can not be true"
                            + " when 'AllowOrigin' is \"'*'\" or not set");
        }
        for (String path : body.paths()) {
            ObjectNode item = body.pathItem(path);
            if (item.has("options")) {
                continue;
            }
            if (SamValues.isFalsy(origin)) {
                throw invalid(where, "Invalid input. Value for AllowedOrigins is required");
            }
            JsonNode methods = settings.get("AllowMethods");
            if (SamValues.isFalsy(methods)) {
                methods = text("'" + allowedMethods(item) + "'");
            }
            item.set(
                    "options",
                    options(
                            origin,
                            settings.get("AllowHeaders"),
                            methods,
                            settings.get("MaxAge"),
                            credentials));
        }
    }

    /** The sorted methods of a path item and OPTIONS, or every method when it has ANY. */
    private static String allowedMethods(ObjectNode item) {
        Set<String> methods = new TreeSet<>();
        if (item.has(SamSwagger.ANY_METHOD)) {
            methods.addAll(ALL_METHODS);
        } else {
            item.fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            methods.add("OPTIONS");
        }
        return String.join(",", methods);
    }

    private static ObjectNode options(
            JsonNode origin,
            JsonNode headers,
            JsonNode methods,
            JsonNode maxAge,
            boolean credentials) {
        ObjectNode parameters = JSON.objectNode();
        ObjectNode declared = JSON.objectNode();
        add(parameters, declared, "Access-Control-Allow-Origin", origin, "string");
        if (!SamValues.isFalsy(headers)) {
            add(parameters, declared, "Access-Control-Allow-Headers", headers, "string");
        }
        add(parameters, declared, "Access-Control-Allow-Methods", methods, "string");
        if (maxAge != null && !maxAge.isNull()) {
            add(parameters, declared, "Access-Control-Max-Age", maxAge, "integer");
        }
        if (credentials) {
            add(parameters, declared, "Access-Control-Allow-Credentials", text("'true'"), "string");
        }
        ObjectNode options = JSON.objectNode();
        options.put("summary", "CORS support");
        options.putArray("consumes").add("application/json");
        options.putArray("produces").add("application/json");
        ObjectNode integration = options.putObject(SamSwagger.INTEGRATION);
        integration.put("type", "mock");
        integration
                .putObject("requestTemplates")
                .put("application/json", "{\n  \"statusCode\" : 200\n}\n");
        ObjectNode response = integration.putObject("responses").putObject("default");
        response.put("statusCode", "200");
        response.set("responseParameters", parameters);
        response.putObject("responseTemplates").put("application/json", "{}\n");
        ObjectNode ok = options.putObject("responses").putObject("200");
        ok.put("description", "Default response for CORS method");
        ok.set("headers", declared);
        return options;
    }

    private static void add(
            ObjectNode parameters,
            ObjectNode declared,
            String header,
            JsonNode value,
            String type) {
        parameters.set(HEADER + header, value);
        declared.putObject(header).put("type", type);
    }

    private static TextNode text(String value) {
        return TextNode.valueOf(value);
    }
}
