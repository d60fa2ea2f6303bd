package dev.apigw.runtime.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns parsed JSON into the values a template navigates, and values back into JSON text, as
 * API Gateway's {@code $input.path}, {@code $input.json} and {@code $util.parseJson} do
 * (reference 1.3 and 1.4): an object becomes a map that prints Java-map style ({@code {a=b,
 * c=d}}, insertion order), an array a {@link JsonArray} that prints as compact JSON, a string
 * the bare string, a number a Java number that prints as JSON wrote it, a boolean a {@link
 * Boolean}, and JSON {@code null} a Java null (which renders as nothing).
 *
 * <p>Differs from AWS (unconfirmed): a number with a fraction or an exponent is a {@link
 * Double}, so {@code 1.99} prints {@code 1.99} but {@code 1e3} prints {@code 1000.0}.
 */
public final class JsonValues {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {}

    /** Returns the template value of a JSON node; null for JSON {@code null}. */
    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), of(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            JsonArray list = new JsonArray(node.size());
            node.forEach(element -> list.add(of(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asText();
    }

    /**
     * Returns a value as compact JSON text: strings quoted, maps and lists as JSON, null as
     * {@code null}.
     */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Returns a JSON node as compact JSON text. */
    public static String toJson(JsonNode node) {
        return node.toString();
    }
}
