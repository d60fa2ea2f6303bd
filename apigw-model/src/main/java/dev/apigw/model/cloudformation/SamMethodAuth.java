package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code Auth} of one SAM API event ({@code Authorizer} incl. {@code NONE}, {@code
 * AuthorizationScopes}, {@code ApiKeyRequired}, {@code ResourcePolicy}) on its method, with the
 * markers ({@code NONE}, {@code api_key_false}) SAM leaves for the API's defaults to read.
 */
final class SamMethodAuth {
    private SamMethodAuth() {}

    /** Applies {@code auth} to the method {@code method} of {@code path}. */
    static void apply(
            ObjectNode auth,
            ObjectNode apiAuth,
            SamSwagger body,
            String path,
            String method,
            JsonNode stage,
            String where) {
        String methodText = method;
        JsonNode authorizer = auth.get("Authorizer");
        JsonNode authorizers = apiAuth.get("Authorizers");
        if (!SamValues.isFalsy(authorizer)) {
            String name = authorizer.asText();
            if (name.equals("NONE")) {
                if (SamValues.isFalsy(apiAuth.get("DefaultAuthorizer"))) {
                    throw invalid(
                            where + ".Authorizer",
                            "Unable to set Authorizer on API method ["
                                    + methodText
                                    + "] for path ["
                                    + path
                                    + "] because 'NONE' is only a valid"
                                    + " value when a DefaultAuthorizer on the API is specified.");
                }
            } else if (!name.equals("AWS_IAM")) {
                if (SamValues.isFalsy(authorizers)) {
                    throw invalid(
                            where + ".Authorizer",
                            "Unable to set Authorizer ["
                                    + name
                                    + "] on API method ["
                                    + methodText
                                    + "] for path ["
                                    + path
                                    + "] because the related API does"
                                    + " not define any Authorizers.");
                }
                if (!authorizers.isObject()
                        || !authorizers.has(name)
                        || SamValues.isFalsy(authorizers.get(name))) {
                    throw invalid(
                            where + ".Authorizer",
                            "Unable to set Authorizer ["
                                    + name
                                    + "] on API method ["
                                    + methodText
                                    + "] for path ["
                                    + path
                                    + "] because it wasn't defined in"
                                    + " the API's Authorizers.");
                }
            }
        }
        JsonNode scopes = auth.get("AuthorizationScopes");
        if (!SamValues.isFalsy(scopes) && !scopes.isArray()) {
            throw invalid(where + ".AuthorizationScopes", "must be a list");
        }
        JsonNode apiKeyRequired = auth.get("ApiKeyRequired");
        boolean apiKeyOff = apiKeyRequired != null && SamValues.isFalsy(apiKeyRequired);
        if (apiKeyOff && SamValues.isFalsy(apiAuth.get("ApiKeyRequired"))) {
            throw invalid(
                    where + ".ApiKeyRequired",
                    "Unable to set ApiKeyRequired [False] on API method ["
                            + methodText
                            + "] for path ["
                            + path
                            + "] because the related API does not"
                            + " specify any ApiKeyRequired.");
        }
        ObjectNode definition = body.method(path, method);
        String normalized = SamSwagger.normalizeMethod(method);
        if (!SamValues.isFalsy(authorizer)) {
            setAuthorizer(
                    body, definition, path, normalized, authorizer.asText(), authorizers, scopes);
        }
        if (apiKeyRequired != null && !apiKeyRequired.isNull()) {
            List<ObjectNode> security = body.security(definition, path, normalized);
            ObjectNode entry = JSON.objectNode();
            if (SamValues.isFalsy(apiKeyRequired)) {
                entry.putArray("api_key_false");
            } else {
                entry.putArray("api_key");
                body.addApiKeySecurityDefinition();
            }
            security.add(entry);
            SamAuth.setSecurity(definition, security);
        }
        JsonNode policy = auth.get("ResourcePolicy");
        if (!SamValues.isFalsy(policy)) {
            if (!policy.isObject()) {
                throw invalid(where + ".ResourcePolicy", "must be an object");
            }
            SamResourcePolicy resourcePolicy =
                    new SamResourcePolicy(body, where + ".ResourcePolicy");
            resourcePolicy.add((ObjectNode) policy, path, stage);
            resourcePolicy.addCustomStatements(policy.get("CustomStatements"));
        }
    }

    private static void setAuthorizer(
            SamSwagger body,
            ObjectNode definition,
            String path,
            String method,
            String name,
            JsonNode authorizers,
            JsonNode methodScopes) {
        List<ObjectNode> security = body.security(definition, path, method);
        ObjectNode entry = JSON.objectNode();
        entry.putArray(name);
        if (!name.equals("NONE") && authorizers != null && authorizers.isObject()) {
            JsonNode config = authorizers.get(name);
            JsonNode scopes = config == null ? null : config.get("AuthorizationScopes");
            if (methodScopes != null) {
                scopes = methodScopes;
            }
            if (config != null && scopes != null) {
                entry.set(name, scopes.deepCopy());
            }
        }
        security.add(entry);
        SamAuth.setSecurity(definition, security);
        if (security.get(0).has("AWS_IAM")) {
            body.addAwsIamSecurityDefinition();
        }
    }
}
