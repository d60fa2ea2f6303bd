package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A node of the definition with its JSON pointer, so every error can name its place. */
record Node(JsonNode json, String pointer) {
    /** Returns the child of an object ({@code missing} when absent). */
    Node get(String key) {
        JsonNode child = json.isObject() ? json.get(key) : null;
        return new Node(
                child == null ? MissingNode.getInstance() : child, pointer + "/" + escape(key));
    }

    /** Returns the item of an array. */
    Node get(int index) {
        return new Node(json.path(index), pointer + "/" + index);
    }

    boolean isMissing() {
        return json.isMissingNode() || json.isNull();
    }

    boolean has(String key) {
        return !get(key).isMissing();
    }

    /** Returns the object's fields in document order (empty when not an object). */
    List<Map.Entry<String, Node>> fields() {
        List<Map.Entry<String, Node>> fields = new ArrayList<>();
        if (json.isObject()) {
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                fields.add(Map.entry(name, get(name)));
            }
        }
        return fields;
    }

    /** Returns the array's items (empty when not an array). */
    List<Node> items() {
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < json.size() && json.isArray(); i++) {
            items.add(get(i));
        }
        return items;
    }

    /**
     * Escapes a key for a JSON pointer (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code
     * ~1}.
     */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
