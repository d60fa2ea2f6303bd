package dev.apigw.model.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * CloudFormation's YAML short forms of intrinsic functions ({@code !Ref}, {@code !GetAtt}, {@code
 * !Sub}...), read as their long forms as CloudFormation reads them ("Intrinsic function reference"
 * in the CloudFormation user guide). Other tags (YAML's own {@code !!str}...) leave the value as it
 * is.
 */
final class ShortForms {
    private static final Set<String> FUNCTIONS =
            Set.of(
                    "Base64",
                    "Cidr",
                    "Equals",
                    "And",
                    "Or",
                    "Not",
                    "If",
                    "FindInMap",
                    "GetAtt",
                    "GetAZs",
                    "ImportValue",
                    "Join",
                    "Length",
                    "Select",
                    "Split",
                    "Sub",
                    "ToJsonString",
                    "Transform");

    private ShortForms() {}

    /** Returns the long form of a value tagged {@code !tag}, or the value for other tags. */
    static JsonNode longForm(String tag, JsonNode value) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        ObjectNode function = JsonNodeFactory.instance.objectNode();
        if (name.equals("Ref") || name.equals("Condition")) {
            return function.set(name, value);
        }
        if (!FUNCTIONS.contains(name)) {
            return value;
        }
        if (name.equals("GetAtt") && value.isTextual()) {
            String text = value.asText();
            int dot = text.indexOf('.');
            value =
                    JsonNodeFactory.instance
                            .arrayNode()
                            .add(dot < 0 ? text : text.substring(0, dot))
                            .add(dot < 0 ? "" : text.substring(dot + 1));
        }
        return function.set("Fn::" + name, value);
    }
}
