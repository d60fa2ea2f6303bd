package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SAM API's {@code Auth}: its authorizers as security definitions, {@code DefaultAuthorizer} and
 * {@code ApiKeyRequired} on every method that no event overrode, and {@code ResourcePolicy},
 * written into the body as SAM writes them (reference 8.1, 8.3, 8.4, 8.7, 8.2).
 */
final class SamAuth {
    static final Set<String> PROPERTIES =
            Set.of(
                    "Authorizers",
                    "DefaultAuthorizer",
                    "InvokeRole",
                    "AddDefaultAuthorizerToCorsPreflight",
                    "AddApiKeyRequiredToCorsPreflight",
                    "ApiKeyRequired",
                    "ResourcePolicy",
                    "UsagePlan");

    private SamAuth() {}

    /** Applies {@code auth} (the API's {@code Auth}, at {@code where}) to {@code body}. */
    static void apply(ObjectNode auth, SamSwagger body, JsonNode stageName, String where) {
        auth.fieldNames()
                .forEachRemaining(
                        key -> {
                            if (!PROPERTIES.contains(key)) {
                                throw invalid(where, "Invalid value for 'Auth' property");
                            }
                        });
        Map<String, SamAuthorizer> authorizers = authorizers(auth, where);
        if (!authorizers.isEmpty()) {
            ObjectNode definitions = body.securityDefinitions();
            authorizers.forEach((name, a) -> definitions.set(name, a.toSecurityDefinition()));
            setDefaultAuthorizer(auth, authorizers, body, where);
        }
        if (!SamValues.isFalsy(auth.get("ApiKeyRequired"))) {
            body.addApiKeySecurityDefinition();
            boolean preflight =
                    !auth.path("AddApiKeyRequiredToCorsPreflight").isBoolean()
                            || auth.get("AddApiKeyRequiredToCorsPreflight").booleanValue();
            for (String path : body.paths()) {
                setDefaultApiKey(body, path, preflight);
            }
        }
        JsonNode policy = auth.get("ResourcePolicy");
        if (!SamValues.isFalsy(policy)) {
            if (!policy.isObject()) {
                throw invalid(
                        where + ".ResourcePolicy",
                        "ResourcePolicy must be a map (ResourcePolicyStatement).");
            }
            SamResourcePolicy resourcePolicy =
                    new SamResourcePolicy(body, where + ".ResourcePolicy");
            for (String path : body.paths()) {
                resourcePolicy.add((ObjectNode) policy, path, stageName);
            }
            resourcePolicy.addCustomStatements(policy.get("CustomStatements"));
        }
    }

    /** The API's authorizers by name, {@code AWS_IAM} first when it is the default. */
    static Map<String, SamAuthorizer> authorizers(ObjectNode auth, String where) {
        Map<String, SamAuthorizer> authorizers = new LinkedHashMap<>();
        if ("AWS_IAM".equals(SamValues.text(auth.get("DefaultAuthorizer")))) {
            authorizers.put("AWS_IAM", SamAuthorizer.awsIam());
        }
        JsonNode config = auth.get("Authorizers");
        if (SamValues.isFalsy(config)) {
            return authorizers;
        }
        if (!config.isObject()) {
            throw invalid(where + ".Authorizers", "Authorizers must be a dictionary");
        }
        config.properties()
                .forEach(
                        e ->
                                authorizers.put(
                                        e.getKey(),
                                        SamAuthorizer.of(
                                                e.getKey(),
                                                e.getValue(),
                                                where + ".Authorizers." + e.getKey())));
        return authorizers;
    }

    private static void setDefaultAuthorizer(
            ObjectNode auth,
            Map<String, SamAuthorizer> authorizers,
            SamSwagger body,
            String where) {
        JsonNode value = auth.get("DefaultAuthorizer");
        if (SamValues.isFalsy(value)) {
            return;
        }
        if (!value.isTextual()) {
            throw invalid(where + ".DefaultAuthorizer", "DefaultAuthorizer is not a string.");
        }
        String name = value.textValue();
        if (!authorizers.containsKey(name)) {
            throw invalid(
                    where + ".DefaultAuthorizer",
                    "Unable to set DefaultAuthorizer because '"
                            + name
                            + "' was not defined in 'Authorizers'.");
        }
        boolean preflight =
                !auth.path("AddDefaultAuthorizerToCorsPreflight").isBoolean()
                        || auth.get("AddDefaultAuthorizerToCorsPreflight").booleanValue();
        Set<String> names = new HashSet<>(authorizers.keySet());
        names.add("AWS_IAM");
        for (String path : body.paths()) {
            for (Map.Entry<String, ObjectNode> method : body.methodsWithIntegration(path)) {
                if (!preflight && method.getKey().equals("options")) {
                    continue;
                }
                ObjectNode definition = method.getValue();
                List<ObjectNode> others = new ArrayList<>();
                List<ObjectNode> existing = new ArrayList<>();
                for (ObjectNode entry : body.security(definition, path, method.getKey())) {
                    boolean isAuthorizer = false;
                    for (String key : iterable(entry)) {
                        isAuthorizer |= names.contains(key);
                    }
                    (isAuthorizer ? existing : others).add(entry);
                }
                List<ObjectNode> chosen = new ArrayList<>();
                int none = -1;
                for (int i = 0; i < others.size() && none < 0; i++) {
                    if (others.get(i).has("NONE")) {
                        none = i;
                    }
                }
                if (none >= 0) {
                    others.remove(none);
                } else if (!existing.isEmpty()) {
                    chosen = existing;
                } else {
                    ObjectNode entry = JSON.objectNode();
                    entry.set(name, authorizers.get(name).defaultScopes().deepCopy());
                    chosen.add(entry);
                }
                others.addAll(chosen);
                if (!others.isEmpty()) {
                    setSecurity(definition, others);
                    if (others.get(0).has("AWS_IAM")) {
                        body.addAwsIamSecurityDefinition();
                    }
                }
            }
        }
    }

    private static void setDefaultApiKey(SamSwagger body, String path, boolean preflight) {
        for (Map.Entry<String, ObjectNode> method : body.methodsWithIntegration(path)) {
            ObjectNode definition = method.getValue();
            List<ObjectNode> current = body.security(definition, path, method.getKey());
            List<ObjectNode> others = new ArrayList<>();
            List<ObjectNode> apiKeys = new ArrayList<>();
            for (ObjectNode entry : current) {
                (entry.has("api_key") || entry.has("api_key_false") ? apiKeys : others).add(entry);
            }
            int off = -1;
            for (int i = 0; i < apiKeys.size() && off < 0; i++) {
                if (apiKeys.get(i).has("api_key_false")) {
                    off = i;
                }
            }
            List<ObjectNode> security = new ArrayList<>(others);
            if (off < 0) {
                ObjectNode entry = JSON.objectNode();
                entry.putArray("api_key");
                security.add(entry);
            }
            if (method.getKey().equals("options") && !preflight) {
                security = others;
            }
            if (!security.equals(current)) {
                setSecurity(definition, security);
            }
        }
    }

    /** Sets a method's {@code security} list. */
    static void setSecurity(ObjectNode method, List<ObjectNode> security) {
        ArrayNode list = method.putArray("security");
        security.forEach(list::add);
    }

    private static Iterable<String> iterable(ObjectNode node) {
        return node::fieldNames;
    }
}
