package dev.apigw.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;

/**
 * A body field of a parameter mapping, {@code method.request.body.JSONPATH} (reference 5.2) or
 * {@code integration.response.body.JSONPATH} (reference 5.3): a JSONPath written without its
 * leading {@code $.} ({@code petstore.pets[0].name}), compiled once when the API is built and
 * read from a body parsed once. A path that selects nothing, or JSON {@code null}, gives no
 * value; a string is its text, anything else compact JSON (reference 1.7, T12). Immutable and
 * thread-safe. Internal.
 */
public final class BodyPath {
    /** Jayway JsonPath on Jackson trees; json-smart is not on the classpath. */
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .build();

    private final String expression;
    private final JsonPath path;

    private BodyPath(String expression, JsonPath path) {
        this.expression = expression;
        this.path = path;
    }

    /**
     * Compiles a path written without {@code $.}; fails with {@link IllegalArgumentException}
     * when it is not a JSONPath.
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
            return new BodyPath(expression, JsonPath.compile(
                    expression.startsWith("[") ? "$" + expression : "$." + expression));
        } catch (JsonPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSONPath " + expression + ": "
                    + e.getMessage(), e);
        }
    }

    /** Returns the node the path selects in a parsed body; empty when none or JSON null. */
    public Optional<JsonNode> node(JsonNode root) {
        try {
            Object found = path.read(root, JACKSON);
            if (found instanceof JsonNode && !((JsonNode) found).isNull()
                    && !((JsonNode) found).isMissingNode()) {
                return Optional.of((JsonNode) found);
            }
            return Optional.empty();
        } catch (JsonPathException e) {
            return Optional.empty();
        }
    }

    /** Returns the value the path selects as a mapping value: strings bare, others as JSON. */
    public Optional<String> read(JsonNode root) {
        return node(root).map(BodyPath::text);
    }

    /** Returns a mapping value of a node: a string's text, anything else compact JSON. */
    public static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** Returns the path as written in the mapping. */
    @Override
    public String toString() {
        return expression;
    }
}
