package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed template (after the SAM transform, if any): its sections and the directory its local
 * paths ({@code CodeUri}, {@code BodyS3Location}...) are relative to.
 *
 * @param root the template
 * @param directory the template's directory
 */
record Template(ObjectNode root, Path directory) {
    /** Returns the resources by logical id, each with its {@code Type} and {@code Properties}. */
    Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        JsonNode section = root.path("Resources");
        if (!section.isObject() || section.isEmpty()) {
            throw new CloudFormationImportException(
                    "Resources", "a template must declare at least one resource");
        }
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            if (!e.getValue().isObject() || !e.getValue().path("Type").isTextual()) {
                throw new CloudFormationImportException(
                        "Resources." + e.getKey(), "a resource needs a Type");
            }
            resources.put(e.getKey(), e.getValue());
        }
        return resources;
    }

    /** Returns the type of a resource, or null when there is none of that logical id. */
    String type(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        return resource.isObject() ? resource.path("Type").asText(null) : null;
    }

    /** Returns a template section ({@code Parameters}, {@code Conditions}, {@code Mappings}). */
    JsonNode section(String name) {
        return root.path(name);
    }
}
