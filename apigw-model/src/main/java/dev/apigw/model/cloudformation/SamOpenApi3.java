package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SAM's last step on an OpenAPI 3 body: security definitions and definitions move to {@code
 * components}, and the CORS preflight loses {@code consumes}/{@code produces} and declares its
 * headers with a {@code schema} (reference 4.3).
 */
final class SamOpenApi3 {
    private SamOpenApi3() {}

    /** Rewrites {@code body} when it is OpenAPI 3 ({@code version}, else its own openapi). */
    static void apply(ObjectNode body, String version) {
        if (body.get("swagger") != null) {
            return;
        }
        String effective = version;
        if (effective == null && body.has("openapi")) {
            effective = body.get("openapi").asText();
        }
        if (effective == null || !SamSwagger.isOpenApi3(effective)) {
            return;
        }
        move(body, "securityDefinitions", "securitySchemes");
        move(body, "definitions", "schemas");
        JsonNode paths = body.get("paths");
        if (paths == null || !paths.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> path : iterable(paths)) {
            JsonNode options = path.getValue().get("options");
            if (options == null || !options.isObject()) {
                continue;
            }
            ((ObjectNode) options).remove(List.of("produces", "consumes"));
            JsonNode headers = options.path("responses").path("200").get("headers");
            if (headers == null || !headers.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> header : iterable(headers)) {
                ObjectNode wrapped = SamValues.JSON.objectNode();
                wrapped.set("schema", header.getValue());
                ((ObjectNode) headers).set(header.getKey(), wrapped);
            }
        }
    }

    private static void move(ObjectNode body, String from, String to) {
        JsonNode value = body.get(from);
        if (SamValues.isFalsy(value)) {
            return;
        }
        JsonNode components = body.get("components");
        ObjectNode target =
                components != null && components.isObject()
                        ? (ObjectNode) components
                        : body.putObject("components");
        target.set(to, value);
        body.remove(from);
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.properties().forEach(entries::add);
        return entries;
    }
}
