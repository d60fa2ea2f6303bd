package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluated properties of one resource (or a nested property object), read with the checks
 * CloudFormation's resource schemas make; every error names the property path.
 *
 * @param json the evaluated object (intrinsics resolved)
 * @param path its property path, e.g. {@code Resources.Api.Properties}
 */
record Props(JsonNode json, String path) {
    /** Returns the properties of a nested object (an empty one when absent). */
    Props object(String name) {
        JsonNode value = json.path(name);
        if (!value.isMissingNode() && !value.isObject()) {
            throw fail(name, "expected an object, found " + value.getNodeType());
        }
        return new Props(value, path + "." + name);
    }

    /** Returns whether the property is set. */
    boolean has(String name) {
        return !json.path(name).isMissingNode() && !json.path(name).isNull();
    }

    /** Returns the raw value of a property ({@link MissingNode} when absent). */
    JsonNode raw(String name) {
        return json.path(name);
    }

    /** Returns a string property. */
    Optional<String> text(String name) {
        JsonNode value = json.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            throw fail(name, "expected a string, found " + value.getNodeType());
        }
        return Optional.of(value.asText());
    }

    /** Returns a required string property. */
    String required(String name) {
        return text(name).filter(s -> !s.isEmpty()).orElseThrow(() -> fail(name, "is required"));
    }

    /** Returns a boolean property ({@code true}/{@code false}, as JSON or text). */
    Optional<Boolean> bool(String name) {
        return text(name)
                .map(
                        v -> {
                            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                                return Boolean.valueOf(v);
                            }
                            throw fail(name, "expected true or false, found " + v);
                        });
    }

    /** Returns an integer property. */
    Optional<Integer> integer(String name) {
        return text(name)
                .map(
                        v -> {
                            try {
                                return Integer.valueOf(v);
                            } catch (NumberFormatException e) {
                                throw fail(name, "expected an integer, found " + v);
                            }
                        });
    }

    /** Returns a number property. */
    Optional<Double> number(String name) {
        return text(name)
                .map(
                        v -> {
                            try {
                                return Double.valueOf(v);
                            } catch (NumberFormatException e) {
                                throw fail(name, "expected a number, found " + v);
                            }
                        });
    }

    /** Returns an enum property, its value case-insensitive (AWS's enum names). */
    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return text(name)
                .map(
                        v -> {
                            try {
                                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException e) {
                                throw fail(
                                        name,
                                        v
                                                + " is not one of "
                                                + Arrays.toString(type.getEnumConstants()));
                            }
                        });
    }

    /** Returns a list of strings (absent: empty). */
    List<String> texts(String name) {
        JsonNode value = json.path(name);
        List<String> texts = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            throw fail(name, "expected a list, found " + value.getNodeType());
        }
        value.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Returns a map of strings (absent: empty). */
    Map<String, String> textMap(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(name).json().properties()) {
            if (e.getValue().isContainerNode()) {
                throw fail(name + "." + e.getKey(), "expected a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    /** Returns the items of a list of objects. */
    List<Props> objects(String name) {
        JsonNode value = json.path(name);
        List<Props> items = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw fail(name, "expected a list, found " + value.getNodeType());
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw fail(name + "[" + i + "]", "expected an object");
            }
            items.add(new Props(value.get(i), path + "." + name + "[" + i + "]"));
        }
        return items;
    }

    /** Returns an error naming a property of this object. */
    CloudFormationImportException fail(String name, String reason) {
        return new CloudFormationImportException(path + "." + name, reason);
    }

    /** Returns an error naming this object. */
    CloudFormationImportException fail(String reason) {
        return new CloudFormationImportException(path, reason);
    }
}
