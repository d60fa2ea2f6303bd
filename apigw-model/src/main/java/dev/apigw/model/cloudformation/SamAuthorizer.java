package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One authorizer of a SAM API's {@code Auth.Authorizers} (Lambda TOKEN or REQUEST, Cognito) or the
 * {@code AWS_IAM} default, written as the Swagger security definition SAM writes (reference 8.3,
 * 8.4, 8.7).
 */
final class SamAuthorizer {
    private static final String AUTHORIZER = "x-amazon-apigateway-authorizer";
    private static final String AUTHORIZER_URI =
            "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                    + "${__FunctionArn__}/invocations";

    private final String name;
    private final ObjectNode config;
    private final boolean awsIam;
    private final String where;

    private SamAuthorizer(String name, ObjectNode config, boolean awsIam, String where) {
        this.name = name;
        this.config = config;
        this.awsIam = awsIam;
        this.where = where;
    }

    /** The {@code AWS_IAM} authorizer of {@code DefaultAuthorizer: AWS_IAM}. */
    static SamAuthorizer awsIam() {
        return new SamAuthorizer("AWS_IAM", JSON.objectNode(), true, "");
    }

    /** The authorizer {@code name} of {@code config}, checked as SAM checks it. */
    static SamAuthorizer of(String name, JsonNode config, String where) {
        if (config == null || !config.isObject()) {
            throw invalid(where, "Authorizer " + name + " must be a dictionary.");
        }
        SamAuthorizer authorizer = new SamAuthorizer(name, (ObjectNode) config, false, where);
        JsonNode payload = config.get("FunctionPayloadType");
        if (payload != null
                && !"TOKEN".equals(payload.asText())
                && !"REQUEST".equals(payload.asText())) {
            throw invalid(
                    where + ".FunctionPayloadType",
                    name
                            + " Authorizer has invalid 'FunctionPayloadType': "
                            + payload.asText()
                            + ".");
        }
        JsonNode identity = config.get("Identity");
        if (identity != null && !identity.isObject()) {
            throw invalid(
                    where + ".Identity",
                    "Auth.Authorizers.<Authorizer>.Identity must be a dict"
                            + " (LambdaTokenAuthorizationIdentity,"
                            + " LambdaRequestAuthorizationIdentity or"
                            + " CognitoAuthorizationIdentity).");
        }
        if (authorizer.isRequest() && authorizer.missingIdentitySource()) {
            throw invalid(
                    where,
                    name
                            + " Authorizer must specify Identity with at least one of Headers,"
                            + " QueryStrings, StageVariables, or Context.");
        }
        JsonNode scopes = config.get("AuthorizationScopes");
        if (scopes != null && !scopes.isArray()) {
            throw invalid(where + ".AuthorizationScopes", "AuthorizationScopes must be a list.");
        }
        if (!authorizer.isCognito() && SamValues.isFalsy(config.get("FunctionArn"))) {
            throw invalid(where, "Property 'FunctionArn' is required.");
        }
        return authorizer;
    }

    /** The scopes a method secured by this authorizer by default gets. */
    JsonNode defaultScopes() {
        JsonNode scopes = config.get("AuthorizationScopes");
        return scopes != null && scopes.isArray() ? scopes : JSON.arrayNode();
    }

    private boolean isCognito() {
        return !SamValues.isFalsy(config.get("UserPoolArn"));
    }

    private boolean isRequest() {
        return !isCognito() && "REQUEST".equals(SamValues.text(config.get("FunctionPayloadType")));
    }

    private JsonNode identity(String key) {
        return config.path("Identity").get(key);
    }

    private boolean missingIdentitySource() {
        boolean missing =
                SamValues.isFalsy(identity("Headers"))
                        && SamValues.isFalsy(identity("QueryStrings"))
                        && SamValues.isFalsy(identity("StageVariables"))
                        && SamValues.isFalsy(identity("Context"));
        JsonNode ttl = identity("ReauthorizeEvery");
        if (ttl == null
                || !(ttl.isIntegralNumber() || ttl.isTextual() && ttl.asText().matches("-?\\d+"))) {
            return missing;
        }
        return ttl.asLong() > 0 && missing;
    }

    /** The Swagger security definition of this authorizer. */
    ObjectNode toSecurityDefinition() {
        ObjectNode definition = JSON.objectNode();
        definition.put("type", "apiKey");
        if (isRequest()) {
            definition.put("name", "Unused");
        } else {
            JsonNode header = identity("Header");
            definition.set(
                    "name", SamValues.isFalsy(header) ? JSON.textNode("Authorization") : header);
        }
        definition.put("in", "header");
        if (awsIam) {
            definition.put("x-amazon-apigateway-authtype", "awsSigv4");
            return definition;
        }
        if (isCognito()) {
            definition.put("x-amazon-apigateway-authtype", "cognito_user_pools");
            ObjectNode authorizer = definition.putObject(AUTHORIZER);
            authorizer.put("type", "cognito_user_pools");
            JsonNode pools = config.get("UserPoolArn");
            authorizer.set("providerARNs", pools.isArray() ? pools : JSON.arrayNode().add(pools));
            validationExpression(authorizer);
            return definition;
        }
        definition.put("x-amazon-apigateway-authtype", "custom");
        ObjectNode authorizer = definition.putObject(AUTHORIZER);
        authorizer.put("type", isRequest() ? "request" : "token");
        authorizer.set(
                "authorizerUri",
                SamValues.sub(AUTHORIZER_URI, "__FunctionArn__", config.get("FunctionArn")));
        JsonNode ttl = identity("ReauthorizeEvery");
        if (ttl != null && !ttl.isNull()) {
            authorizer.set("authorizerResultTtlInSeconds", ttl);
        }
        JsonNode role = config.get("FunctionInvokeRole");
        if (!SamValues.isFalsy(role) && !"NONE".equals(SamValues.text(role))) {
            authorizer.set("authorizerCredentials", role);
        }
        if (isRequest()) {
            String source = identitySource();
            if (!source.isEmpty()) {
                authorizer.put("identitySource", source);
            }
        } else {
            validationExpression(authorizer);
        }
        return definition;
    }

    private void validationExpression(ObjectNode authorizer) {
        JsonNode expression = identity("ValidationExpression");
        if (!SamValues.isFalsy(expression)) {
            authorizer.set("identityValidationExpression", expression);
        }
    }

    private String identitySource() {
        List<String> sources = new ArrayList<>();
        add(sources, "Headers", "method.request.header.");
        add(sources, "QueryStrings", "method.request.querystring.");
        add(sources, "StageVariables", "stageVariables.");
        add(sources, "Context", "context.");
        return String.join(", ", sources);
    }

    private void add(List<String> sources, String key, String prefix) {
        JsonNode values = identity(key);
        if (SamValues.isFalsy(values)) {
            return;
        }
        if (!values.isArray()) {
            throw invalid(where + ".Identity." + key, "must be a list");
        }
        for (JsonNode value : (ArrayNode) values) {
            sources.add(prefix + value.asText());
        }
    }

    /** The authorizer's name. */
    String name() {
        return name;
    }
}
