package dev.apigw.model.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apigw.model.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns {@code definitions} (Swagger 2.0) or {@code components.schemas} (OpenAPI 3) into models:
 * JSON Schema draft 4 text, content type {@code application/json} (reference section 4.3). A {@code
 * $ref} between schemas becomes the URL AWS uses, {@code
 * https://apigateway.amazonaws.com/restapis/{restApiId}/models/{name}}, so a validator resolves it
 * by model name; refs are rewritten, never followed, so recursive models cannot loop.
 */
final class Models {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT_4 = "http://json-schema.org/draft-04/schema#";
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9]+");

    private final ImportContext context;
    private final Node schemas;
    private final String prefix;
    private final Map<String, Model> models = new LinkedHashMap<>();

    Models(ImportContext context) {
        this.context = context;
        Node root = context.root();
        this.schemas =
                context.swagger2()
                        ? root.get("definitions")
                        : root.get("components").get("schemas");
        this.prefix = context.swagger2() ? "#/definitions/" : "#/components/schemas/";
    }

    /** Converts every declared schema; returns the models by name. */
    Map<String, Model> convertDeclared() {
        for (Map.Entry<String, Node> e : schemas.fields()) {
            String name = e.getKey();
            if (!MODEL_NAME.matcher(name).matches()) {
                context.warn(
                        e.getValue(),
                        "model name '"
                                + name
                                + "' is not alphanumeric, as"
                                + " AWS requires; kept as it is");
            }
            models.put(name, model(name, e.getValue()));
        }
        return models;
    }

    Map<String, Model> models() {
        return models;
    }

    /**
     * Returns the model name for a body or response schema: the declared model a {@code $ref}
     * names, or a new model for an inline schema, named from {@code suggested}.
     */
    String modelFor(Node schema, String suggested) {
        JsonNode ref = schema.json().get("$ref");
        if (ref != null && ref.isTextual() && schema.json().size() == 1) {
            String name = declaredName(schema.get("$ref"));
            if (name != null) {
                return name;
            }
        }
        String name = suggested.replaceAll("[^A-Za-z0-9]", "");
        String unique = name;
        for (int i = 2; models.containsKey(unique); i++) {
            unique = name + i;
        }
        models.put(unique, model(unique, schema));
        return unique;
    }

    /** Returns the model a ref names when it is a whole declared schema, else null. */
    private String declaredName(Node ref) {
        String target = ref.json().asText();
        if (!target.startsWith(prefix) || target.indexOf('/', prefix.length()) >= 0) {
            return null;
        }
        String name = unescape(target.substring(prefix.length()));
        if (!schemas.has(name)) {
            throw ImportContext.fail(ref, "$ref '" + target + "' points to nothing");
        }
        return name;
    }

    private Model model(String name, Node schema) {
        JsonNode rewritten = rewrite(schema);
        if (rewritten.isObject() && !rewritten.has("$schema")) {
            ObjectNode withDraft = JsonNodeFactory.instance.objectNode();
            withDraft.put("$schema", DRAFT_4);
            withDraft.setAll((ObjectNode) rewritten);
            rewritten = withDraft;
        }
        try {
            return new Model(
                    name,
                    "application/json",
                    JSON.writeValueAsString(rewritten),
                    schema.json().path("description").asText(""));
        } catch (JsonProcessingException e) {
            throw ImportContext.fail(schema, "schema cannot be written: " + e.getMessage());
        }
    }

    private JsonNode rewrite(Node node) {
        JsonNode json = node.json();
        if (json.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, Node> e : node.fields()) {
                JsonNode value = e.getValue().json();
                copy.set(
                        e.getKey(),
                        e.getKey().equals("$ref") && value.isTextual()
                                ? TextNode.valueOf(modelUrl(e.getValue()))
                                : rewrite(e.getValue()));
            }
            return copy;
        }
        if (json.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Node item : node.items()) {
                copy.add(rewrite(item));
            }
            return copy;
        }
        return json;
    }

    private String modelUrl(Node ref) {
        String target = ref.json().asText();
        if (!target.startsWith("#")) {
            return target;
        }
        if (!target.startsWith(prefix)) {
            throw ImportContext.fail(
                    ref,
                    "$ref '" + target + "' in a schema must name a model (" + prefix + "Name)");
        }
        context.lookup(ref, target);
        String rest = target.substring(prefix.length());
        int slash = rest.indexOf('/');
        String name = unescape(slash < 0 ? rest : rest.substring(0, slash));
        return "https://apigateway.amazonaws.com/restapis/"
                + context.restApiId()
                + "/models/"
                + name
                + (slash < 0 ? "" : "#" + rest.substring(slash));
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
