package dev.apigw.runtime.parameters;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.mapping.JsonValues;
import dev.apigw.runtime.mapping.ValueJsonProvider;
import java.util.Optional;

/**
 * A body field of a parameter mapping, {@code method.request.body.JSONPATH} (reference 5.2) or
 * {@code integration.response.body.JSONPATH} (reference 5.3): a JSONPath written without its
 * leading {@code $.} ({@code petstore.pets[0].name}), compiled once when the API is built and read
 * from a body parsed once. A path that selects nothing, or JSON {@code null}, gives no value; a
 * string is its text, anything else compact JSON (reference 1.7, T12). Immutable and thread-safe.
 * Internal.
 */
public final class BodyPath {
    /** Jayway JsonPath on parsed values; json-smart is not on the classpath. */
    private static final Configuration VALUES = ValueJsonProvider.configuration();

    private final String expression;
    private final JsonPath path;

    private BodyPath(String expression, JsonPath path) {
        this.expression = expression;
        this.path = path;
    }

    /**
     * Compiles a path written without {@code $.}; fails with {@link IllegalArgumentException} when
     * it is not a JSONPath.
     */
    public static BodyPath compile(String expression) {
        if (expression.isEmpty() || expression.startsWith(".")) {
            throw new IllegalArgumentException("empty JSONPath field: " + expression);
        }
        if (expression.chars().filter(c -> c == '[').count()
                != expression.chars().filter(c -> c == ']').count()) {
            // Jayway accepts a trailing "[" as if it were not there.
            throw new IllegalArgumentException("unbalanced brackets in " + expression);
        }
        try {
            return new BodyPath(
                    expression,
                    JsonPath.compile(
                            expression.startsWith("[") ? "$" + expression : "$." + expression));
        } catch (JsonPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid JSONPath " + expression + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the value the path selects in a parsed body (shared with the body: do not change it);
     * empty when none or JSON null.
     */
    private Optional<Object> value(JsonDocument body) {
        try {
            return Optional.ofNullable(path.read(body.root(), VALUES));
        } catch (JsonPathException e) {
            return Optional.empty();
        }
    }

    /** Returns the value the path selects as a mapping value: strings bare, others as JSON. */
    public Optional<String> read(JsonDocument body) {
        return value(body).map(BodyPath::text);
    }

    /** Returns a mapping value of a parsed value: a string's text, anything else compact JSON. */
    public static String text(Object value) {
        return value instanceof String ? (String) value : JsonValues.toJson(value);
    }

    /** Returns the path as written in the mapping. */
    @Override
    public String toString() {
        return expression;
    }
}
