package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/** Reads the SAM templates and expected JSON of the transform's tests. */
final class SamTemplates {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SamTemplates() {}

    /** The template of {@code yaml} (long-form intrinsics), with the SAM transform. */
    static ObjectNode template(String yaml) {
        try {
            ObjectNode template = (ObjectNode) YAML.readTree(yaml);
            template.put("Transform", "AWS::Serverless-2016-10-31");
            return template;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Resources of {@code yaml} expanded. */
    static ObjectNode expand(String yaml) {
        return (ObjectNode) SamTransform.expand(template(yaml)).get("Resources");
    }

    /** The tree of {@code json}. */
    static JsonNode json(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one resource of {@code resources} whose id starts with {@code prefix}. */
    static String idStartingWith(ObjectNode resources, String prefix) {
        String found = null;
        for (var it = resources.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            if (id.startsWith(prefix)) {
                if (found != null) {
                    throw new AssertionError("two resources start with " + prefix);
                }
                found = id;
            }
        }
        if (found == null) {
            throw new AssertionError("no resource starts with " + prefix + ": " + resources);
        }
        return found;
    }
}
