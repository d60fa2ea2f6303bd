package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and builds the JSON values of a SAM template: intrinsic functions, strings, objects, and
 * the {@link IllegalArgumentException} naming the property path that every invalid value raises.
 */
final class SamValues {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SamValues() {}

    /** True when {@code node} is an intrinsic function: one key, {@code Ref} or {@code Fn::*}. */
    static boolean isIntrinsic(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    /** True when {@code node} is absent, null, false, zero, empty text or an empty container. */
    static boolean isFalsy(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return true;
        }
        if (node.isBoolean()) {
            return !node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() == 0;
        }
        if (node.isTextual()) {
            return node.textValue().isEmpty();
        }
        return node.isContainerNode() && node.size() == 0;
    }

    /** The text of {@code node} when it is a string, else null. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The logical id a {@code RestApiId} names: the string itself or the target of a Ref. */
    static JsonNode refTarget(JsonNode node) {
        if (node != null && node.isObject() && node.has("Ref")) {
            return node.get("Ref");
        }
        return node;
    }

    /** {@code {"Ref": id}}. */
    static ObjectNode ref(String logicalId) {
        ObjectNode ref = JSON.objectNode();
        ref.put("Ref", logicalId);
        return ref;
    }

    /** {@code {"Fn::Sub": [text, {name: value}]}}. */
    static ObjectNode sub(String text, String name, JsonNode value) {
        ObjectNode sub = JSON.objectNode();
        ArrayNode args = sub.putArray("Fn::Sub");
        args.add(text);
        args.addObject().set(name, value);
        return sub;
    }

    /** The object at {@code node.name}, created when absent; fails when it is another value. */
    static ObjectNode object(ObjectNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return node.putObject(name);
        }
        if (!value.isObject()) {
            throw invalid(path + "." + name, "must be an object");
        }
        return (ObjectNode) value;
    }

    /** The failure of the value at {@code path}: {@code "path: message"}. */
    static IllegalArgumentException invalid(String path, String message) {
        return new IllegalArgumentException(path + ": " + message);
    }
}
