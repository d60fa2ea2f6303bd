package dev.apigw.runtime.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One model's schema, compiled once, validating request bodies. The messages are those of the
 * java-json-tools validator, which is what API Gateway reports in {@code
 * $context.error.validationErrorString} (for example {@code object has missing required properties
 * (["email"])}). Immutable and thread-safe.
 */
public final class BodySchema {
    /**
     * The message for a body holding a number beyond the range of a double ({@code 1e400}): our
     * choice, AWS's text is not recorded (reference 3.1 BAD_REQUEST_BODY).
     */
    public static final String OUT_OF_RANGE = "numeric value out of range";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String modelName;
    private final JsonSchema schema;

    BodySchema(String modelName, JsonSchema schema) {
        this.modelName = modelName;
        this.schema = schema;
    }

    /** Returns the name of the model this schema belongs to. */
    public String modelName() {
        return modelName;
    }

    /**
     * Validates a parsed body given as plain Java values (maps, lists, strings, numbers, booleans,
     * null, as {@code JsonDocument} holds them); returns the error messages, empty when the body is
     * valid. A number that does not fit a double ({@code 1e400}, held as an infinity) fails with
     * {@link #OUT_OF_RANGE} whatever the schema, since the validator's {@code minimum}, {@code
     * maximum} and {@code multipleOf} cannot compare it.
     */
    public List<String> validate(Object body) {
        JsonNode tree;
        try {
            tree = node(body);
        } catch (OutOfRange e) {
            return List.of(OUT_OF_RANGE);
        }
        ProcessingReport report;
        try {
            report = schema.validate(tree);
        } catch (ProcessingException e) {
            throw new IllegalStateException("model " + modelName + ": " + e.getMessage(), e);
        }
        if (report.isSuccess()) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        for (ProcessingMessage message : report) {
            if (message.getLogLevel().compareTo(LogLevel.ERROR) >= 0) {
                errors.add(message.getMessage());
            }
        }
        return List.copyOf(errors);
    }

    /** Returns the Jackson tree of a plain Java value, without serialising it. */
    static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                object.set(String.valueOf(e.getKey()), node(e.getValue()));
            }
            return object;
        }
        if (value instanceof List) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : (List<?>) value) {
                array.add(node(item));
            }
            return array;
        }
        if (value instanceof String) {
            return NODES.textNode((String) value);
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        return number(value);
    }

    private static JsonNode number(Object value) {
        if (value instanceof Integer) {
            return NODES.numberNode((Integer) value);
        }
        if (value instanceof Long) {
            return NODES.numberNode((Long) value);
        }
        if (value instanceof BigInteger) {
            return NODES.numberNode((BigInteger) value);
        }
        if (value instanceof BigDecimal) {
            return NODES.numberNode((BigDecimal) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                throw new OutOfRange();
            }
            return NODES.numberNode(d);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** Thrown while building the tree of a body holding a number beyond a double's range. */
    private static final class OutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfRange() {
            super(OUT_OF_RANGE, null, false, false);
        }
    }
}
