package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.Model;
import dev.apigw.model.RestApi;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the models as {@code components.schemas} or {@code definitions} (reference sections 4.3
 * and 4.4). A {@code $ref} to another model, in any of its forms (AWS's {@code
 * https://apigateway.amazonaws.com/restapis/{id}/models/{name}}, {@code #/definitions/{name}},
 * {@code #/components/schemas/{name}}), is rewritten to the dialect's form, as GetExport does.
 */
final class ExportModels {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern MODEL_REF =
            Pattern.compile(
                    "(?:https?://apigateway\\.amazonaws\\.com/restapis/[^/]+/models/"
                            + "|#/definitions/|#/components/schemas/)([^/]+)");

    private ExportModels() {}

    /** Returns the schemas by model name; fails naming a model whose schema is not JSON. */
    static ObjectNode schemas(RestApi api, ExportDialect dialect) {
        ObjectNode schemas = NODES.objectNode();
        for (Model model : api.models().values()) {
            JsonNode schema =
                    ExportJson.parse(model.schema())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "model "
                                                            + model.name()
                                                            + ": the schema is not JSON, so it cannot be exported"));
            schemas.set(model.name(), rewriteRefs(schema, dialect));
        }
        return schemas;
    }

    private static JsonNode rewriteRefs(JsonNode node, ExportDialect dialect) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                Matcher m = MODEL_REF.matcher(ref.asText());
                if (m.matches()) {
                    object.put("$ref", dialect.schemaRef(m.group(1)));
                }
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                rewriteRefs(field.getValue(), dialect);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, dialect));
        }
        return node;
    }
}
