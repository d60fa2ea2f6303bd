package dev.apigw.runtime.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON text parsed once, straight into the values a template navigates (see {@link JsonValues}):
 * objects are {@link LinkedHashMap}s, arrays {@link JsonArray}s, strings, numbers ({@link Integer},
 * {@link Long} or {@link java.math.BigInteger} without a fraction, else {@link Double}), {@link
 * Boolean}s and Java null. Parses as Jackson's {@code readTree} does: the first value counts and
 * anything after it is ignored (request validation refuses it through {@link
 * #hasTrailingContent()}); text with no value at all (only whitespace) gives a null root. Nobody
 * changes the root after parsing: a template gets copies ({@link JsonValues#copy}). Immutable once
 * built.
 */
public final class JsonDocument {
    private static final JsonFactory FACTORY = JsonValues.JSON.getFactory();

    private final Object root;
    private final boolean trailingContent;

    private JsonDocument(Object root, boolean trailingContent) {
        this.root = root;
        this.trailingContent = trailingContent;
    }

    /** Returns the document of UTF-8 JSON bytes, or empty when they are not JSON. */
    public static Optional<JsonDocument> parse(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return Optional.of(read(parser));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns the document of a UTF-8 JSON stream, or empty when it is not JSON. */
    public static Optional<JsonDocument> parse(InputStream bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return Optional.of(read(parser));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns the document of JSON text, or empty when it is not JSON. */
    public static Optional<JsonDocument> parse(String text) {
        try {
            return Optional.of(parseOrThrow(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns the document of JSON text; throws Jackson's exception when it is not JSON. */
    static JsonDocument parseOrThrow(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return read(parser);
        }
    }

    /** Returns the parsed value: a map, a {@link JsonArray}, a scalar or null. */
    public Object root() {
        return root;
    }

    /**
     * Returns whether anything but whitespace follows the first value ({@code {"a":1}garbage}, a
     * second value): Jackson's {@code readTree} ignores it, a JSON parser that reads a whole text
     * (as a request validator does) refuses it.
     */
    public boolean hasTrailingContent() {
        return trailingContent;
    }

    private static JsonDocument read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return new JsonDocument(null, false);
        }
        Object root = value(parser, first);
        return new JsonDocument(root, trailing(parser));
    }

    private static boolean trailing(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of JSON input");
        }
        switch (token) {
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            case START_ARRAY:
                JsonArray list = new JsonArray(4);
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, next));
                }
                return list;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(parser, "unexpected JSON token " + token);
        }
    }
}
