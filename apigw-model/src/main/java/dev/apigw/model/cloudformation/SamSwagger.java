package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Swagger 2.0 or OpenAPI 3.0 body of a SAM API as SAM's {@code SwaggerEditor} edits it: its
 * paths and methods (an {@code Fn::If} path item read through its first branch), edited in place.
 */
final class SamSwagger {
    static final String INTEGRATION = "x-amazon-apigateway-integration";
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final Pattern OPENAPI_3 = Pattern.compile("3(\\.\\d)(\\.\\d)?");
    private static final Set<String> NOT_METHODS = Set.of("summary", "description", "parameters");

    private final ObjectNode doc;
    private final String where;

    /** Edits {@code doc}, whose failures name {@code where} (the body's property path). */
    SamSwagger(ObjectNode doc, String where) {
        this.doc = doc;
        this.where = where;
        if (!isValid(doc)) {
            throw invalid(where, "Invalid Swagger document");
        }
        for (String path : paths()) {
            pathItem(path);
        }
    }

    /** The empty Swagger 2.0 document SAM starts a generated body from. */
    static ObjectNode skeleton() {
        ObjectNode doc = JSON.objectNode();
        doc.put("swagger", "2.0");
        ObjectNode info = doc.putObject("info");
        info.put("version", "1.0");
        info.set("title", SamValues.ref("AWS::StackName"));
        doc.putObject("paths");
        return doc;
    }

    /** True for an object with {@code paths} and a {@code swagger} or 3.x {@code openapi}. */
    static boolean isValid(JsonNode data) {
        if (data == null || !data.isObject() || !data.path("paths").isObject()) {
            return false;
        }
        if (!SamValues.isFalsy(data.get("swagger"))) {
            return true;
        }
        JsonNode openapi = data.get("openapi");
        return !SamValues.isFalsy(openapi) && isOpenApi3(openapi.asText());
    }

    /** True when {@code version} is an OpenAPI 3 version ({@code 3.0}, {@code 3.0.1}). */
    static boolean isOpenApi3(String version) {
        return OPENAPI_3.matcher(version).matches();
    }

    /** The method key of {@code method}: lower case, {@code any} as API Gateway's ANY. */
    static String normalizeMethod(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return lower.equals("any") ? ANY_METHOD : lower;
    }

    /** The document edited. */
    ObjectNode doc() {
        return doc;
    }

    /** The property path of the body, for failures. */
    String where() {
        return where;
    }

    /** True when the document is OpenAPI 3 rather than Swagger 2.0. */
    boolean isOpenApi3() {
        return doc.get("swagger") == null && doc.has("openapi");
    }

    /** The document's paths, in order. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /** The path item of {@code path} (an {@code Fn::If}'s first branch), or null when absent. */
    ObjectNode pathItem(String path) {
        JsonNode item = doc.get("paths").get(path);
        if (item == null) {
            return null;
        }
        if (item.isObject() && item.has("Fn::If") && item.get("Fn::If").size() > 1) {
            item = item.get("Fn::If").get(1);
        }
        if (!item.isObject()) {
            throw invalid(
                    where + ".paths." + path,
                    "Value of '" + path + "' path must be a dictionary according to Swagger spec.");
        }
        return (ObjectNode) item;
    }

    /** Adds {@code path} and its {@code method} (empty) when absent. */
    void addPath(String path, String method) {
        ObjectNode item = pathItem(path);
        if (item == null) {
            item = ((ObjectNode) doc.get("paths")).putObject(path);
        }
        String key = normalizeMethod(method);
        if (!item.has(key)) {
            item.putObject(key);
        }
    }

    /** The method object of {@code path} and {@code method}, or null. */
    ObjectNode method(String path, String method) {
        ObjectNode item = pathItem(path);
        JsonNode value = item == null ? null : item.get(normalizeMethod(method));
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(
                    where + ".paths." + path + "." + normalizeMethod(method), "must be an object");
        }
        return (ObjectNode) value;
    }

    /** True when {@code path} has {@code method} with a non-empty integration. */
    boolean hasIntegration(String path, String method) {
        ObjectNode definition = method(path, method);
        return definition != null && !SamValues.isFalsy(definition.get(INTEGRATION));
    }

    /** The methods of {@code path} that have an integration, by their (normalized) names. */
    List<Map.Entry<String, ObjectNode>> methodsWithIntegration(String path) {
        List<Map.Entry<String, ObjectNode>> methods = new ArrayList<>();
        ObjectNode item = pathItem(path);
        Iterator<Map.Entry<String, JsonNode>> fields = item.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (NOT_METHODS.contains(field.getKey())) {
                continue;
            }
            if (!field.getValue().isObject()) {
                throw invalid(
                        where + ".paths." + path + "." + field.getKey(),
                        "Value of '" + field.getKey() + "' method must be a dictionary.");
            }
            ObjectNode definition = (ObjectNode) field.getValue();
            if (!SamValues.isFalsy(definition.get(INTEGRATION))) {
                methods.add(Map.entry(normalizeMethod(field.getKey()), definition));
            }
        }
        return methods;
    }

    /** The {@code security} list of a method, created empty when absent. */
    List<ObjectNode> security(ObjectNode method, String path, String name) {
        JsonNode security = method.get("security");
        List<ObjectNode> list = new ArrayList<>();
        if (security == null) {
            return list;
        }
        if (!security.isArray()) {
            throw invalid(
                    where + ".paths." + path + "." + name + ".security",
                    "Type of security for path " + path + " method " + name + " must be a list");
        }
        for (JsonNode entry : security) {
            if (!entry.isObject()) {
                throw invalid(
                        where + ".paths." + path + "." + name + ".security",
                        entry
                                + " in Security for path "
                                + path
                                + " method "
                                + name
                                + " is not a valid dictionary.");
            }
            list.add((ObjectNode) entry);
        }
        return list;
    }

    /** The document's {@code securityDefinitions}, created when absent. */
    ObjectNode securityDefinitions() {
        return SamValues.object(doc, "securityDefinitions", where);
    }

    /** Adds the {@code AWS_IAM} security definition when absent. */
    void addAwsIamSecurityDefinition() {
        ObjectNode definitions = securityDefinitions();
        if (!definitions.has("AWS_IAM")) {
            ObjectNode iam = definitions.putObject("AWS_IAM");
            iam.put("x-amazon-apigateway-authtype", "awsSigv4");
            iam.put("type", "apiKey");
            iam.put("name", "Authorization");
            iam.put("in", "header");
        }
    }

    /** Adds the {@code api_key} security definition when absent. */
    void addApiKeySecurityDefinition() {
        ObjectNode definitions = securityDefinitions();
        if (!definitions.has("api_key")) {
            ObjectNode apiKey = definitions.putObject("api_key");
            apiKey.put("type", "apiKey");
            apiKey.put("name", "x-api-key");
            apiKey.put("in", "header");
        }
    }
}
