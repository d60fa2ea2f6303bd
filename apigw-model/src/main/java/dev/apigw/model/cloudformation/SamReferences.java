package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The references SAM resolves to the resources it generated: {@code {"Ref": "MyApi.Stage"}} and
 * {@code "${MyApi.Stage}"} in an {@code Fn::Sub} name the API's stage, {@code MyApi.Deployment} its
 * deployment, anywhere in the template (a usage plan's {@code ApiStages}, an output).
 */
final class SamReferences {
    private final Map<String, String> targets = new HashMap<>();

    /**
     * Records the stage and deployment among {@code generated}, the resources of API {@code id}.
     */
    void addApi(String id, Map<String, ObjectNode> generated) {
        generated.forEach(
                (logicalId, resource) -> {
                    String type = SamValues.text(resource.get("Type"));
                    if ("AWS::ApiGateway::Stage".equals(type)) {
                        targets.put(id + ".Stage", logicalId);
                    } else if ("AWS::ApiGateway::Deployment".equals(type)) {
                        targets.put(id + ".Deployment", logicalId);
                    }
                });
    }

    /** Rewrites the references in {@code node} (and below it) in place. */
    void resolve(JsonNode node) {
        if (targets.isEmpty()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(this::resolve);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode ref = object.get("Ref");
        if (object.size() == 1
                && ref != null
                && ref.isTextual()
                && targets.containsKey(ref.textValue())) {
            object.put("Ref", targets.get(ref.textValue()));
            return;
        }
        JsonNode sub = object.get("Fn::Sub");
        if (object.size() == 1 && sub != null) {
            if (sub.isTextual()) {
                object.set("Fn::Sub", substitute(sub.textValue()));
            } else if (sub.isArray() && sub.size() > 0 && sub.get(0).isTextual()) {
                ((ArrayNode) sub).set(0, substitute(sub.get(0).textValue()));
            }
        }
        object.properties().forEach(e -> resolve(e.getValue()));
    }

    private TextNode substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> target : targets.entrySet()) {
            result = result.replace("${" + target.getKey() + "}", "${" + target.getValue() + "}");
        }
        return TextNode.valueOf(result);
    }
}
