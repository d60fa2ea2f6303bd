package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One import of a template: the resources that exist (their {@code Condition} holds), their
 * properties evaluated once, the physical ids, and the warnings so far.
 */
final class ImportRun {
    private final Template template;
    private final TemplateOptions options;
    private final TemplateScope scope;
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, Props> properties = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> logicalIds = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    ImportRun(Template template, TemplateOptions options) {
        this.template = template;
        this.options = options;
        this.scope = new TemplateScope(template, options);
        for (Map.Entry<String, JsonNode> e : template.resources().entrySet()) {
            if (scope.included(e.getValue())) {
                types.put(e.getKey(), e.getValue().path("Type").asText());
            }
        }
    }

    Template template() {
        return template;
    }

    TemplateOptions options() {
        return options;
    }

    PhysicalIds ids() {
        return scope.ids();
    }

    /** Returns the logical ids of the resources of a type, in template order. */
    List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        types.forEach(
                (id, t) -> {
                    if (t.equals(type)) {
                        ids.add(id);
                    }
                });
        return ids;
    }

    /**
     * Returns the logical ids of the resources of a type whose {@code property} (a {@code Ref} to
     * their API) is {@code apiId}, in template order.
     */
    List<String> members(String type, String property, String apiId) {
        List<String> members = new ArrayList<>();
        for (String id : ofType(type)) {
            if (properties(id).required(property).equals(apiId)) {
                members.add(id);
            }
        }
        return members;
    }

    /** Returns the resources by logical id and type. */
    Map<String, String> types() {
        return types;
    }

    /** Returns a resource's properties with every intrinsic evaluated. */
    Props properties(String logicalId) {
        return properties.computeIfAbsent(
                logicalId,
                id -> {
                    String path = "Resources." + id + ".Properties";
                    JsonNode raw = template.root().path("Resources").path(id).path("Properties");
                    JsonNode value = scope.intrinsics().evaluate(raw, path);
                    return new Props(value, path);
                });
    }

    /** Returns the logical id of the resource whose {@code Ref} is {@code physicalId}. */
    String logicalIdOf(String type, String physicalId, Props at, String property) {
        Map<String, String> byPhysicalId =
                logicalIds.computeIfAbsent(
                        type,
                        t -> {
                            Map<String, String> index = new HashMap<>();
                            ofType(t).forEach(id -> index.put(ids().ref(id).asText(), id));
                            return index;
                        });
        String id = byPhysicalId.get(physicalId);
        if (id == null) {
            throw at.fail(
                    property, "no " + type + " with the id " + physicalId + " in the template");
        }
        return id;
    }

    /** Adds a warning line. */
    void warn(String path, String warning) {
        warnings.add(path + ": " + warning);
    }

    List<String> warnings() {
        return warnings;
    }
}
