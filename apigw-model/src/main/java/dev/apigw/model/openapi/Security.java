package dev.apigw.model.openapi;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.Method;
import dev.apigw.model.openapi.Placeholders.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts security schemes ({@code securityDefinitions} or {@code components.securitySchemes})
 * into authorizers, and an operation's {@code security} into the method's authorization type,
 * authorizer, scopes and API key requirement (reference sections 4.1 and 4.3): a scheme with {@code
 * x-amazon-apigateway-authorizer} is a Lambda or Cognito authorizer, {@code
 * x-amazon-apigateway-authtype: awsSigv4} (any {@code aws*} label) means {@code AWS_IAM}, and an
 * {@code apiKey} scheme named {@code x-api-key} in the header means {@code apiKeyRequired}.
 */
final class Security {
    private enum Kind {
        AUTHORIZER,
        IAM,
        API_KEY,
        OTHER
    }

    private record Scheme(Kind kind, Authorizer authorizer) {}

    private final ImportContext context;
    private final Map<String, Scheme> schemes = new LinkedHashMap<>();

    Security(ImportContext context) {
        this.context = context;
    }

    /** Converts every scheme; returns the authorizers. */
    List<Authorizer> convertSchemes() {
        Node root = context.root();
        Node all =
                context.swagger2()
                        ? root.get("securityDefinitions")
                        : root.get("components").get("securitySchemes");
        for (Map.Entry<String, Node> e : all.fields()) {
            schemes.put(e.getKey(), scheme(e.getKey(), context.deref(e.getValue())));
        }
        return schemes.values().stream()
                .filter(s -> s.authorizer() != null)
                .map(Scheme::authorizer)
                .toList();
    }

    private Scheme scheme(String name, Node node) {
        String authType = context.text(node.get("x-amazon-apigateway-authtype"), Field.DESCRIBE);
        Node authorizer = node.get("x-amazon-apigateway-authorizer");
        if (!authorizer.isMissing()) {
            return new Scheme(Kind.AUTHORIZER, authorizer(name, node, authorizer, authType));
        }
        if (authType.toLowerCase(Locale.ROOT).startsWith("aws")) {
            return new Scheme(Kind.IAM, null);
        }
        if (node.get("type").json().asText().equals("apiKey")
                && node.get("in").json().asText().equals("header")
                && node.get("name").json().asText().equalsIgnoreCase("x-api-key")) {
            return new Scheme(Kind.API_KEY, null);
        }
        return new Scheme(Kind.OTHER, null);
    }

    private Authorizer authorizer(String name, Node scheme, Node node, String authType) {
        Node typeNode = node.get("type");
        AuthorizerType type = context.enumValue(typeNode, AuthorizerType.class, "type");
        Authorizer.Builder b = Authorizer.builder().name(name).type(type);
        String uri = context.text(node.get("authorizerUri"), Field.SERVE);
        if (!uri.isEmpty()) {
            b.authorizerUri(uri);
        }
        String credentials = context.text(node.get("authorizerCredentials"), Field.ROLE);
        if (!credentials.isEmpty()) {
            b.authorizerCredentials(credentials);
        }
        String identitySource = context.text(node.get("identitySource"), Field.SERVE);
        if (identitySource.isEmpty()
                && type != AuthorizerType.REQUEST
                && scheme.get("in").json().asText().equals("header")) {
            identitySource = "method.request.header." + scheme.get("name").json().asText();
        }
        if (!identitySource.isEmpty()) {
            b.identitySource(identitySource);
        }
        String expression = context.text(node.get("identityValidationExpression"), Field.TEMPLATE);
        if (!expression.isEmpty()) {
            b.identityValidationExpression(expression);
        }
        Node ttl = node.get("authorizerResultTtlInSeconds");
        if (!ttl.isMissing()) {
            if (!ttl.json().canConvertToInt() || !ttl.json().isNumber()) {
                throw ImportContext.fail(ttl, "'" + ttl.json().asText() + "' is not an integer");
            }
            b.authorizerResultTtlInSeconds(ttl.json().asInt());
        }
        b.providerArns(new Integrations(context).strings(node.get("providerARNs"), Field.SERVE));
        if (!authType.isEmpty()) {
            b.authType(authType);
        }
        for (String httpOnly :
                List.of(
                        "authorizerPayloadFormatVersion",
                        "enableSimpleResponses",
                        "jwtConfiguration")) {
            if (node.has(httpOnly)) {
                context.warn(
                        node.get(httpOnly),
                        httpOnly + " is for HTTP API authorizers;" + " ignored");
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(node, e.getMessage());
        }
    }

    /**
     * The requirement SAM's transform writes for an event's {@code Authorizer: NONE} when the API
     * has a default authorizer: no scheme of that name is defined, and the method is open.
     */
    private static final String SAM_NONE = "NONE";

    /** Applies an operation's {@code security} requirements to a method. */
    void apply(Node security, Method.Builder method) {
        String boundAuthorizer = null;
        for (Node requirement : security.items()) {
            for (Map.Entry<String, Node> e : requirement.fields()) {
                Scheme scheme = schemes.get(e.getKey());
                if (scheme == null && e.getKey().equals(SAM_NONE)) {
                    continue;
                }
                if (scheme == null) {
                    throw ImportContext.fail(
                            e.getValue(), "security scheme '" + e.getKey() + "' is not defined");
                }
                switch (scheme.kind()) {
                    case API_KEY:
                        method.apiKeyRequired(true);
                        break;
                    case IAM:
                    case AUTHORIZER:
                        if (boundAuthorizer != null && !boundAuthorizer.equals(e.getKey())) {
                            context.warn(
                                    e.getValue(),
                                    "a method has one authorizer, '"
                                            + boundAuthorizer
                                            + "'; '"
                                            + e.getKey()
                                            + "' ignored");
                            break;
                        }
                        boundAuthorizer = e.getKey();
                        bind(scheme, e.getValue(), method);
                        break;
                    default:
                        context.warn(
                                e.getValue(),
                                "security scheme '"
                                        + e.getKey()
                                        + "' has no API Gateway authorizer, IAM or API key meaning;"
                                        + " ignored");
                        break;
                }
            }
        }
    }

    private void bind(Scheme scheme, Node scopes, Method.Builder method) {
        if (scheme.kind() == Kind.IAM) {
            method.authorizationType(AuthorizationType.AWS_IAM);
            return;
        }
        Authorizer authorizer = scheme.authorizer();
        boolean cognito = authorizer.type() == AuthorizerType.COGNITO_USER_POOLS;
        method.authorizationType(
                        cognito ? AuthorizationType.COGNITO_USER_POOLS : AuthorizationType.CUSTOM)
                .authorizerId(authorizer.id());
        if (cognito) {
            method.authorizationScopes(new Integrations(context).strings(scopes, Field.SERVE));
        }
    }
}
