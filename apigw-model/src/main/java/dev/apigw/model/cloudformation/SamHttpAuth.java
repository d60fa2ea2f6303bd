package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Auth} of an {@code AWS::Serverless::HttpApi} as the {@code AWS::ApiGatewayV2::
 * Authorizer}s it makes (reference 8.5, 8.6): an {@code OAuth2Authorizer} ({@code JwtConfiguration}
 * with {@code issuer} and {@code audience}, {@code IdentitySource}, by default {@code
 * $request.header.Authorization}) is a JWT authorizer; a {@code LambdaAuthorizer} ({@code
 * FunctionArn}, {@code AuthorizerPayloadFormatVersion}, {@code EnableSimpleResponses}, {@code
 * FunctionInvokeRole}, {@code Identity}) a REQUEST authorizer. {@code DefaultAuthorizer} must name
 * one of them, or {@code AWS_IAM} with {@code EnableIamAuthorizer}.
 */
final class SamHttpAuth {
    private static final String AUTHORIZER_URI =
            "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Arn}"
                    + "/invocations";

    /**
     * An authorizer SAM generated.
     *
     * @param logicalId the {@code AWS::ApiGatewayV2::Authorizer}'s logical id
     * @param jwt whether it is a JWT authorizer (else a Lambda one)
     * @param scopes the authorizer's default {@code AuthorizationScopes}, or null
     */
    record Generated(String logicalId, boolean jwt, JsonNode scopes) {}

    private SamHttpAuth() {}

    /**
     * Adds the authorizers of {@code auth} (at {@code where}) of the API {@code apiId} to {@code
     * out}; returns them by name.
     */
    static Map<String, Generated> generate(
            String apiId, ObjectNode auth, String where, Map<String, ObjectNode> out) {
        Map<String, Generated> byName = new LinkedHashMap<>();
        JsonNode authorizers = auth.get("Authorizers");
        if (authorizers != null && !authorizers.isObject()) {
            throw invalid(where + ".Authorizers", "must be an object");
        }
        if (authorizers != null) {
            authorizers
                    .properties()
                    .forEach(
                            e ->
                                    byName.put(
                                            e.getKey(),
                                            authorizer(
                                                    apiId,
                                                    e.getKey(),
                                                    e.getValue(),
                                                    where + ".Authorizers." + e.getKey(),
                                                    out)));
        }
        String defaultName = SamValues.text(auth.get("DefaultAuthorizer"));
        if (auth.has("DefaultAuthorizer")
                && !byName.containsKey(defaultName)
                && !("AWS_IAM".equals(defaultName)
                        && !SamValues.isFalsy(auth.get("EnableIamAuthorizer")))) {
            throw invalid(
                    where + ".DefaultAuthorizer",
                    "Unable to set DefaultAuthorizer because '"
                            + auth.get("DefaultAuthorizer").asText()
                            + "' was not defined in 'Authorizers'.");
        }
        return byName;
    }

    private static Generated authorizer(
            String apiId, String name, JsonNode spec, String where, Map<String, ObjectNode> out) {
        if (!spec.isObject()) {
            throw invalid(where, "must be an object");
        }
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGatewayV2::Authorizer");
        ObjectNode p = resource.putObject("Properties");
        p.set("ApiId", SamValues.ref(apiId));
        p.put("Name", name);
        boolean jwt = spec.has("JwtConfiguration");
        if (jwt) {
            jwt(spec, p, where);
        } else if (spec.has("FunctionArn")) {
            lambda(spec, p, where);
        } else {
            throw invalid(
                    where, "Authorizer must specify either 'FunctionArn' or 'JwtConfiguration'.");
        }
        String logicalId = apiId + name.replaceAll("[^A-Za-z0-9]", "") + "Authorizer";
        out.put(logicalId, resource);
        return new Generated(logicalId, jwt, spec.get("AuthorizationScopes"));
    }

    private static void jwt(JsonNode spec, ObjectNode p, String where) {
        JsonNode configuration = spec.get("JwtConfiguration");
        if (!configuration.isObject()) {
            throw invalid(where + ".JwtConfiguration", "must be an object");
        }
        p.put("AuthorizerType", "JWT");
        ObjectNode jwt = p.putObject("JwtConfiguration");
        copy(configuration, "issuer", "Issuer", jwt);
        copy(configuration, "audience", "Audience", jwt);
        JsonNode source = spec.get("IdentitySource");
        p.putArray("IdentitySource")
                .add(source == null ? JSON.textNode("$request.header.Authorization") : source);
    }

    /** Copies SAM's {@code issuer} (or CloudFormation's {@code Issuer}) as {@code Issuer}. */
    private static void copy(JsonNode from, String samName, String name, ObjectNode to) {
        JsonNode value = from.has(samName) ? from.get(samName) : from.get(name);
        if (value != null) {
            to.set(name, value);
        }
    }

    private static void lambda(JsonNode spec, ObjectNode p, String where) {
        if (!spec.has("AuthorizerPayloadFormatVersion")) {
            throw invalid(
                    where,
                    "'AuthorizerPayloadFormatVersion' must be specified for Lambda"
                            + " Authorizers.");
        }
        p.put("AuthorizerType", "REQUEST");
        p.set("AuthorizerUri", SamValues.sub(AUTHORIZER_URI, "Arn", spec.get("FunctionArn")));
        p.set("AuthorizerPayloadFormatVersion", spec.get("AuthorizerPayloadFormatVersion"));
        if (spec.has("EnableSimpleResponses")) {
            p.set("EnableSimpleResponses", spec.get("EnableSimpleResponses"));
        }
        if (spec.has("FunctionInvokeRole")) {
            p.set("AuthorizerCredentialsArn", spec.get("FunctionInvokeRole"));
        }
        JsonNode identity = spec.get("Identity");
        if (identity == null) {
            return;
        }
        if (!identity.isObject()) {
            throw invalid(where + ".Identity", "must be an object");
        }
        ArrayNode sources = p.putArray("IdentitySource");
        add(identity, "Headers", "$request.header.", sources, where);
        add(identity, "QueryStrings", "$request.querystring.", sources, where);
        add(identity, "StageVariables", "$stageVariables.", sources, where);
        add(identity, "Context", "$context.", sources, where);
        if (identity.has("ReauthorizeEvery")) {
            p.set("AuthorizerResultTtlInSeconds", identity.get("ReauthorizeEvery"));
        }
    }

    private static void add(
            JsonNode identity, String name, String prefix, ArrayNode sources, String where) {
        JsonNode list = identity.get(name);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            throw invalid(where + ".Identity." + name, "must be a list");
        }
        list.forEach(item -> sources.add(prefix + item.asText()));
    }
}
