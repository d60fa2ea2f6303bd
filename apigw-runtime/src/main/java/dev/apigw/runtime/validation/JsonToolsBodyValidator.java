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
 * The {@link BodyValidator} of java-json-tools' json-schema-validator 2.2.14, whose messages are
 * the text of API Gateway's {@code $context.error.validationErrorString} (reference 1.2). Its
 * validation is shallow: an object that fails a keyword of its own ({@code required}) is reported
 * without its properties' failures (docs/differences.md row 63). The validator's {@code minimum},
 * {@code maximum} and {@code multipleOf} cannot compare an infinity, so a body holding one fails
 * with {@link BodyValidator#OUT_OF_RANGE} before the schema is applied. Immutable and thread-safe.
 */
final class JsonToolsBodyValidator implements BodyValidator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String modelName;
    private final JsonSchema schema;

    JsonToolsBodyValidator(String modelName, JsonSchema schema) {
        this.modelName = modelName;
        this.schema = schema;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
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
