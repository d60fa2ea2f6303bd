package dev.apigw.model.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a YAML document (an OpenAPI definition or a CloudFormation template) into a JSON tree with
 * CloudFormation's short-form tags read as their long forms ({@code !Ref X} as {@code {"Ref":
 * "X"}}, {@code !GetAtt A.B} as {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} as {@code
 * {"Fn::Sub": "s"}}...) and with its anchors ({@code &name}), aliases ({@code *name}) and merge
 * keys ({@code <<: *name}) of maps and lists resolved, as the YAML parsers behind API Gateway's
 * importer resolve them (an alias of a single value fails: the YAML parser underneath does not
 * report a scalar's anchor): Jackson's own tree reading turns an alias into the anchor's name as a
 * string, which would silently import a wrong API. Expanding aliases is bounded ({@link
 * #MAX_NODES}), so a document of nested aliases ("billion laughs") fails with an {@link
 * IllegalArgumentException} instead of exhausting memory.
 */
public final class YamlTree {
    /** The most nodes a document may expand to, aliases counted as often as they are used. */
    public static final int MAX_NODES = 1_000_000;

    private static final String MERGE_KEY = "<<";

    private final YAMLParser parser;
    private final ObjectMapper mapper;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int nodes;

    private YamlTree(YAMLParser parser, ObjectMapper mapper) {
        this.parser = parser;
        this.mapper = mapper;
    }

    /**
     * Reads the document of {@code bytes}, or null when it is empty; fails with an {@link
     * IllegalArgumentException} naming the line on an alias it cannot resolve or expand.
     */
    public static JsonNode read(ObjectMapper yaml, byte[] bytes) throws IOException {
        try (JsonParser p = yaml.getFactory().createParser(bytes)) {
            if (p.nextToken() == null) {
                return null;
            }
            return new YamlTree((YAMLParser) p, yaml).value();
        }
    }

    /** Reads the value at the current token. */
    private JsonNode value() throws IOException {
        if (parser.isCurrentAlias()) {
            return alias(parser.getText());
        }
        Object anchor = parser.getObjectId();
        String tag = parser.getTypeId();
        JsonNode value;
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            value = object();
        } else if (token == JsonToken.START_ARRAY) {
            value = array();
        } else {
            count(1);
            value = mapper.readTree(parser);
            if (value == null || value.isMissingNode()) {
                value = JsonNodeFactory.instance.nullNode();
            }
        }
        if (tag != null) {
            value = ShortForms.longForm(tag, value);
        }
        if (anchor != null) {
            anchors.put(anchor.toString(), value);
        }
        return value;
    }

    private ObjectNode object() throws IOException {
        count(1);
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        ObjectNode merged = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            JsonNode value = value();
            if (MERGE_KEY.equals(name) && (value.isObject() || value.isArray())) {
                merged = merged == null ? JsonNodeFactory.instance.objectNode() : merged;
                mergeInto(merged, value);
            } else {
                object.set(name, value);
            }
        }
        if (merged != null) {
            for (Map.Entry<String, JsonNode> field : merged.properties()) {
                if (!object.has(field.getKey())) {
                    object.set(field.getKey(), field.getValue());
                }
            }
        }
        return object;
    }

    /** Adds the fields of a merged map (or of each map of a list) not already there. */
    private static void mergeInto(ObjectNode merged, JsonNode value) {
        for (JsonNode map :
                value.isArray() ? value : JsonNodeFactory.instance.arrayNode().add(value)) {
            if (map.isObject()) {
                for (Map.Entry<String, JsonNode> field : map.properties()) {
                    if (!merged.has(field.getKey())) {
                        merged.set(field.getKey(), field.getValue());
                    }
                }
            }
        }
    }

    private ArrayNode array() throws IOException {
        count(1);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value());
        }
        return array;
    }

    private JsonNode alias(String name) {
        JsonNode anchored = anchors.get(name);
        if (anchored == null) {
            throw invalid(
                    "unknown YAML alias *"
                            + name
                            + " (aliases of maps and lists are resolved, not of single values)");
        }
        count(size(anchored));
        return anchored.deepCopy();
    }

    private int size(JsonNode node) {
        int size = 1;
        for (JsonNode child : node) {
            size += size(child);
            if (size > MAX_NODES) {
                break;
            }
        }
        return size;
    }

    private void count(int more) {
        nodes += more;
        if (nodes > MAX_NODES || nodes < 0) {
            throw invalid(
                    "the document expands to more than " + MAX_NODES + " nodes (YAML aliases)");
        }
    }

    private IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException(
                reason + " (line " + parser.currentLocation().getLineNr() + ")");
    }
}
