package dev.apigw.runtime.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed JSON into the values a template navigates, and values back into JSON text, as API
 * Gateway's {@code $input.path}, {@code $input.json} and {@code $util.parseJson} do (reference 1.3
 * and 1.4): an object becomes a map that prints Java-map style ({@code {a=b, c=d}}, insertion
 * order), an array a {@link JsonArray} that prints as compact JSON, a string the bare string, a
 * number a Java number that prints as JSON wrote it, a boolean a {@link Boolean}, and JSON {@code
 * null} a Java null (which renders as nothing). {@link JsonDocument} parses JSON text into these
 * values directly.
 *
 * <p>Differs from AWS (unconfirmed): a number with a fraction or an exponent is a {@link Double},
 * so {@code 1.99} prints {@code 1.99} but {@code 1e3} prints {@code 1000.0}.
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
     * Returns a deep copy of a template value: maps and lists copied (as {@link LinkedHashMap} and
     * {@link JsonArray}), anything else shared, so that a template changing what {@code
     * $input.path} gave it leaves the parsed payload as it was.
     */
    public static Object copy(Object value) {
        return copy(value, null);
    }

    /**
     * Returns a deep copy as {@link #copy} does, but copies a map or list reached more than once
     * only once: the matches of a deep scan ({@code $..*}) are nested in one another, and copying
     * each on its own costs the payload's size times its depth (issue 9 part 3).
     */
    public static Object copyShared(Object value) {
        return copy(value, new IdentityHashMap<>());
    }

    private static Object copy(Object value, Map<Object, Object> copies) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean) {
            return value;
        }
        if (copies != null && copies.containsKey(value)) {
            return copies.get(value);
        }
        Class<?> type = value.getClass();
        if (type == LinkedHashMap.class || type != JsonArray.class && value instanceof Map) {
            Map<?, ?> source = (Map<?, ?>) value;
            Map<Object, Object> map = new LinkedHashMap<>((int) (source.size() / 0.75f) + 1);
            remember(copies, value, map);
            for (Map.Entry<?, ?> e : source.entrySet()) {
                map.put(e.getKey(), copy(e.getValue(), copies));
            }
            return map;
        }
        if (type == JsonArray.class || value instanceof List) {
            List<?> source = (List<?>) value;
            JsonArray list = new JsonArray(source.size());
            remember(copies, value, list);
            for (Object element : source) {
                list.add(copy(element, copies));
            }
            return list;
        }
        return value;
    }

    private static void remember(Map<Object, Object> copies, Object value, Object copy) {
        if (copies != null) {
            copies.put(value, copy);
        }
    }

    /**
     * Returns a value as compact JSON text: strings quoted, maps and lists as JSON, null as {@code
     * null}. Text over {@link TemplateEngine#MAX_OUTPUT_CHARS} characters fails the template before
     * it is built (a deep scan over a deep payload, a list nested in itself).
     */
    public static String toJson(Object value) {
        BoundedWriter out = new BoundedWriter();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            write(generator, value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "value cannot be written as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Returns a JSON node as compact JSON text. */
    public static String toJson(JsonNode node) {
        return node.toString();
    }

    /**
     * Writes the value types directly; anything else (a map with keys that are not strings, a value
     * a template built) as Jackson's {@link ObjectMapper} writes it.
     */
    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String) {
            out.writeString((String) value);
        } else if (value instanceof Map && hasTextKeys((Map<?, ?>) value)) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName((String) e.getKey());
                write(out, e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List) {
            out.writeStartArray();
            for (Object element : (List<?>) value) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else if (value instanceof Integer) {
            out.writeNumber((Integer) value);
        } else if (value instanceof Long) {
            out.writeNumber((Long) value);
        } else if (value instanceof Double) {
            out.writeNumber((Double) value);
        } else {
            JSON.writeValue(out, value);
        }
    }

    private static boolean hasTextKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
