package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code Type: Api} event of a SAM function: its Lambda proxy integration, {@code Auth}, {@code
 * RequestModel} and {@code RequestParameters} written into the body of the API it names (a body SAM
 * generates, or the API's own with {@code MergeDefinitions}), as SAM's {@code Api} event source
 * writes them (reference 2.1, 4.2, 4.3, 5.1).
 */
final class SamApiEvent {
    private static final String INTEGRATION_URI =
            "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${%s.Arn}"
                    + "/invocations";
    private static final Pattern PARAMETER =
            Pattern.compile("method\\.request\\.(querystring|path|header)\\..*", Pattern.DOTALL);

    private final String functionId;
    private final ObjectNode event;
    private final String where;
    private final String path;
    private final String method;

    private SamApiEvent(String functionId, ObjectNode event, String where) {
        this.functionId = functionId;
        this.event = event;
        this.where = where;
        this.path = event.get("Path").textValue();
        this.method = event.get("Method").textValue().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Writes the event {@code event} (its {@code Properties}, at {@code where}) of function {@code
     * functionId} into {@code api} (the SAM API's properties, at {@code apiWhere}) when SAM manages
     * that API's body.
     */
    static void apply(
            String functionId,
            ObjectNode event,
            String where,
            ObjectNode api,
            String apiWhere,
            boolean managed) {
        boolean merge = !SamValues.isFalsy(api.get("MergeDefinitions"));
        JsonNode definition = api.get("DefinitionBody");
        if (!(managed || merge) || definition == null || !definition.isObject()) {
            return;
        }
        SamApiEvent apiEvent = new SamApiEvent(functionId, event, where);
        String bodyWhere = apiWhere + ".DefinitionBody";
        SamSwagger body =
                new SamSwagger(merge ? SamSwagger.skeleton() : (ObjectNode) definition, bodyWhere);
        apiEvent.write(body, api, apiWhere);
        if (merge) {
            apiEvent.merge((ObjectNode) definition, body, bodyWhere);
        }
    }

    private void write(SamSwagger body, ObjectNode api, String apiWhere) {
        if (body.hasIntegration(path, method)) {
            throw invalid(
                    where,
                    "API method \""
                            + method
                            + "\" defined multiple times for path \""
                            + path
                            + "\".");
        }
        body.addPath(path, method);
        JsonNode eventAuth = event.get("Auth");
        if (eventAuth != null && !eventAuth.isObject()) {
            throw invalid(where + ".Auth", "must be an object");
        }
        JsonNode apiAuth = api.get("Auth");
        if (apiAuth != null && !apiAuth.isObject()) {
            throw invalid(apiWhere + ".Auth", "must be an object");
        }
        ObjectNode methodAuth = eventAuth == null ? JSON.objectNode() : (ObjectNode) eventAuth;
        ObjectNode auth = apiAuth == null ? JSON.objectNode() : (ObjectNode) apiAuth;
        ObjectNode definition = body.method(path, method);
        ObjectNode integration = definition.putObject(SamSwagger.INTEGRATION);
        integration.put("type", "aws_proxy");
        integration.put("httpMethod", "POST");
        integration.putObject("uri").put("Fn::Sub", String.format(INTEGRATION_URI, functionId));
        credentials(methodAuth, auth, integration);
        if (!definition.has("responses")) {
            definition.putObject("responses");
        }
        if (eventAuth != null && eventAuth.size() > 0) {
            SamMethodAuth.apply(methodAuth, auth, body, path, method, stage(api), where + ".Auth");
        }
        SamRequestModel.apply(event.get("RequestModel"), api, body, path, method, where);
        JsonNode parameters = event.get("RequestParameters");
        if (!SamValues.isFalsy(parameters)) {
            requestParameters(parameters, definition);
        }
    }

    /** The stage an event-level resource policy names: the API's StageName or "Stage". */
    private static JsonNode stage(ObjectNode api) {
        JsonNode stageName = api.get("StageName");
        return stageName != null && stageName.isTextual() ? stageName : JSON.textNode("Stage");
    }

    private static void credentials(
            ObjectNode methodAuth, ObjectNode auth, ObjectNode integration) {
        boolean iam =
                "AWS_IAM".equals(SamValues.text(methodAuth.get("Authorizer")))
                        || "AWS_IAM".equals(SamValues.text(auth.get("DefaultAuthorizer")))
                                && methodAuth.isEmpty();
        if (!iam) {
            return;
        }
        JsonNode role = invokeRole(methodAuth);
        if (role == null) {
            role = invokeRole(auth);
        }
        if (role == null || "CALLER_CREDENTIALS".equals(SamValues.text(role))) {
            integration.put("credentials", "arn:aws:iam::*:user/*");
        } else if (!"NONE".equals(SamValues.text(role))) {
            integration.set("credentials", role);
        }
    }

    /** The InvokeRole of an Auth: null when unset, "NONE" when set but empty. */
    private static JsonNode invokeRole(ObjectNode auth) {
        JsonNode role = auth.get("InvokeRole");
        if (!SamValues.isFalsy(role)) {
            return role;
        }
        return auth.has("InvokeRole") ? JSON.textNode("NONE") : null;
    }

    private void requestParameters(JsonNode parameters, ObjectNode definition) {
        if (!parameters.isArray()) {
            throw invalid(where + ".RequestParameters", "must be a list");
        }
        ArrayNode declared =
                definition.has("parameters") && definition.get("parameters").isArray()
                        ? (ArrayNode) definition.get("parameters")
                        : definition.putArray("parameters");
        for (JsonNode parameter : parameters) {
            String name;
            JsonNode required = JSON.booleanNode(false);
            JsonNode caching = JSON.booleanNode(false);
            if (parameter.isObject() && parameter.size() > 0) {
                Map.Entry<String, JsonNode> entry = parameter.properties().iterator().next();
                name = checkedName(entry.getKey());
                JsonNode settings = entry.getValue();
                if (!settings.isObject() || !onlyRequiredAndCaching(settings)) {
                    throw invalid(
                            where + ".RequestParameters",
                            "Invalid value for 'RequestParameters' property. Values must be an"
                                    + " object, e.g { Required: true, Caching: false }");
                }
                required = settings.has("Required") ? settings.get("Required") : required;
                caching = settings.has("Caching") ? settings.get("Caching") : caching;
            } else if (parameter.isTextual()) {
                name = checkedName(parameter.textValue());
            } else {
                throw invalid(
                        where + ".RequestParameters",
                        "Invalid value for 'RequestParameters' property. Property must be either a"
                                + " string or an object");
            }
            String[] location = name.substring("method.request.".length()).split("\\.", 2);
            ObjectNode declaration = declared.addObject();
            declaration.put("in", location[0].equals("querystring") ? "query" : location[0]);
            declaration.put("name", location[1]);
            declaration.set("required", required);
            declaration.put("type", "string");
            if (!SamValues.isFalsy(caching)) {
                ObjectNode integration = (ObjectNode) definition.get(SamSwagger.INTEGRATION);
                JsonNode keys = integration.get("cacheKeyParameters");
                (keys != null && keys.isArray()
                                ? (ArrayNode) keys
                                : integration.putArray("cacheKeyParameters"))
                        .add(name);
            }
        }
    }

    private static boolean onlyRequiredAndCaching(JsonNode settings) {
        Iterator<String> keys = settings.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.equals("Required") && !key.equals("Caching")) {
                return false;
            }
        }
        return true;
    }

    private String checkedName(String name) {
        if (!PARAMETER.matcher(name).matches()) {
            throw invalid(
                    where + ".RequestParameters",
                    "Invalid value for 'RequestParameters' property. Keys must be in the format"
                            + " 'method.request.[querystring|path|header].{value}', e.g"
                            + " 'method.request.header.Authorization'.");
        }
        return name;
    }

    /** Merges the method SAM generated into the API's own body, SAM's keys winning. */
    private void merge(ObjectNode definition, SamSwagger generated, String bodyWhere) {
        ObjectNode paths = SamValues.object(definition, "paths", bodyWhere);
        JsonNode item = paths.get(path);
        if (item != null && !item.isObject()) {
            throw invalid(bodyWhere + ".paths." + path, "must be an object");
        }
        ObjectNode target = item == null ? paths.putObject(path) : (ObjectNode) item;
        JsonNode existing = target.get(method);
        if (existing != null && !existing.isObject()) {
            throw invalid(bodyWhere + ".paths." + path + "." + method, "must be an object");
        }
        ObjectNode merged = existing == null ? JSON.objectNode() : (ObjectNode) existing;
        merged.setAll(generated.method(path, method));
        target.set(method, merged);
    }
}
