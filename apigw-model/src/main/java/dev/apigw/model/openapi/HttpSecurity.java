package dev.apigw.model.openapi;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.JwtConfiguration;
import dev.apigw.model.Route;
import dev.apigw.model.openapi.Placeholders.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts an HTTP API's security schemes into authorizers and an operation's {@code security} into
 * the route's authorization (reference sections 4.1, 8.5, 8.6, 8.7): {@code
 * x-amazon-apigateway-authorizer} of type {@code jwt} ({@code jwtConfiguration}, {@code
 * identitySource}) or {@code request} (a Lambda authorizer); an {@code openIdConnect} scheme is a
 * JWT authorizer whose issuer is its {@code openIdConnectUrl} without {@code
 * /.well-known/openid-configuration}; {@code x-amazon-apigateway-authtype: awsSigv4} (any {@code
 * aws*} label) means {@code AWS_IAM}. Scopes in a requirement become the route's {@code
 * authorizationScopes}.
 */
final class HttpSecurity {
    private static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final String AUTHORIZATION = "$request.header.Authorization";

    /** A scheme: an authorizer, IAM, or nothing an HTTP API can use ({@code authorizer} null). */
    private record Scheme(boolean iam, HttpAuthorizer authorizer) {}

    private final ImportContext context;
    private final Integrations values;
    private final Map<String, Scheme> schemes = new LinkedHashMap<>();

    HttpSecurity(ImportContext context) {
        this.context = context;
        this.values = new Integrations(context);
    }

    /** Converts every scheme of {@code components.securitySchemes}; returns the authorizers. */
    List<HttpAuthorizer> convertSchemes() {
        Node all = context.root().get("components").get("securitySchemes");
        List<HttpAuthorizer> authorizers = new ArrayList<>();
        for (Map.Entry<String, Node> e : all.fields()) {
            Scheme scheme = scheme(e.getKey(), context.deref(e.getValue()));
            schemes.put(e.getKey(), scheme);
            if (scheme.authorizer() != null) {
                authorizers.add(scheme.authorizer());
            }
        }
        return authorizers;
    }

    private Scheme scheme(String name, Node node) {
        Node extension = node.get("x-amazon-apigateway-authorizer");
        boolean openId = node.get("type").json().asText().equals("openIdConnect");
        if (!extension.isMissing() || openId) {
            HttpAuthorizer.Builder b = authorizer(name, node, extension);
            try {
                return new Scheme(false, b.build());
            } catch (IllegalArgumentException e) {
                throw ImportContext.fail(extension.isMissing() ? node : extension, e.getMessage());
            }
        }
        String authType = context.text(node.get("x-amazon-apigateway-authtype"), Field.DESCRIBE);
        return new Scheme(authType.toLowerCase(Locale.ROOT).startsWith("aws"), null);
    }

    private HttpAuthorizer.Builder authorizer(String name, Node scheme, Node extension) {
        Node typeNode = extension.get("type");
        if (typeNode.isMissing() && !extension.isMissing()) {
            throw ImportContext.fail(typeNode, "authorizer type is required: jwt or request");
        }
        String type =
                typeNode.isMissing()
                        ? "jwt"
                        : context.text(typeNode, Field.SERVE).toLowerCase(Locale.ROOT);
        HttpAuthorizer.Builder b = HttpAuthorizer.builder(name);
        switch (type) {
            case "jwt":
                b.authorizerType(HttpAuthorizerType.JWT).jwtConfiguration(jwt(scheme, extension));
                break;
            case "request":
                request(extension, b);
                break;
            default:
                throw ImportContext.fail(
                        typeNode,
                        "authorizer type "
                                + type
                                + " is for REST APIs; an HTTP API takes jwt or request");
        }
        Node source = extension.get("identitySource");
        List<String> identity = identitySource(source);
        b.identitySource(
                identity.isEmpty() && type.equals("jwt") ? List.of(AUTHORIZATION) : identity);
        String credentials = context.text(extension.get("authorizerCredentials"), Field.ROLE);
        if (!credentials.isEmpty()) {
            b.authorizerCredentialsArn(credentials);
        }
        for (String restOnly : List.of("identityValidationExpression", "providerARNs")) {
            if (extension.has(restOnly)) {
                context.warn(
                        extension.get(restOnly), restOnly + " is for REST authorizers; ignored");
            }
        }
        return b;
    }

    /** The issuer and audiences (reference 8.5); an OIDC scheme's issuer from its URL. */
    private JwtConfiguration jwt(Node scheme, Node extension) {
        Node config = extension.get("jwtConfiguration");
        String issuer = context.text(config.get("issuer"), Field.SERVE);
        Node url = scheme.get("openIdConnectUrl");
        if (issuer.isEmpty() && !url.isMissing()) {
            issuer = context.text(url, Field.SERVE);
            if (issuer.endsWith(DISCOVERY)) {
                issuer = issuer.substring(0, issuer.length() - DISCOVERY.length());
            }
        }
        if (issuer.isEmpty()) {
            throw ImportContext.fail(
                    config.get("issuer"),
                    "a JWT authorizer needs jwtConfiguration.issuer (or an openIdConnect scheme's"
                            + " openIdConnectUrl)");
        }
        return new JwtConfiguration(issuer, values.strings(config.get("audience"), Field.SERVE));
    }

    /** A Lambda authorizer (reference 8.6). */
    private void request(Node extension, HttpAuthorizer.Builder b) {
        b.authorizerType(HttpAuthorizerType.REQUEST);
        String uri = context.text(extension.get("authorizerUri"), Field.SERVE);
        if (!uri.isEmpty()) {
            b.authorizerUri(uri);
        }
        Node version = extension.get("authorizerPayloadFormatVersion");
        if (!version.isMissing()) {
            b.authorizerPayloadFormatVersion(
                    version.json().isNumber()
                            ? String.valueOf(version.json().asDouble())
                            : context.text(version, Field.SERVE));
        }
        Node simple = extension.get("enableSimpleResponses");
        b.enableSimpleResponses(simple.json().asBoolean(false));
        Node ttl = extension.get("authorizerResultTtlInSeconds");
        if (!ttl.isMissing()) {
            b.authorizerResultTtlInSeconds(values.integer(ttl));
        }
    }

    /** A comma list ({@code "$request.header.A, $request.header.B"}) or an array. */
    private List<String> identitySource(Node node) {
        List<String> sources = new ArrayList<>();
        List<String> written =
                node.json().isArray()
                        ? values.strings(node, Field.SERVE)
                        : List.of(context.text(node, Field.SERVE).split(","));
        for (String source : written) {
            if (!source.isBlank()) {
                sources.add(source.trim());
            }
        }
        return sources;
    }

    /**
     * Applies an operation's {@code security}: the first scheme that is an authorizer or IAM binds
     * the route; the others are warned about.
     */
    void apply(Node security, Route.Builder route) {
        String bound = null;
        for (Node requirement : security.items()) {
            for (Map.Entry<String, Node> e : requirement.fields()) {
                Scheme scheme = schemes.get(e.getKey());
                if (scheme == null) {
                    throw ImportContext.fail(
                            e.getValue(), "security scheme '" + e.getKey() + "' is not defined");
                }
                if (!scheme.iam() && scheme.authorizer() == null) {
                    context.warn(
                            e.getValue(),
                            "security scheme '"
                                    + e.getKey()
                                    + "' is no JWT or Lambda authorizer and not IAM; ignored");
                } else if (bound != null) {
                    context.warn(
                            e.getValue(),
                            "a route has one authorizer, '"
                                    + bound
                                    + "'; '"
                                    + e.getKey()
                                    + "' ignored");
                } else {
                    bound = e.getKey();
                    bind(scheme, e.getValue(), route);
                }
            }
        }
    }

    private void bind(Scheme scheme, Node scopes, Route.Builder route) {
        List<String> scopeList = values.strings(scopes, Field.SERVE);
        if (scheme.iam()) {
            route.authorizationType(AuthorizationType.AWS_IAM);
        } else if (scheme.authorizer().authorizerType() == HttpAuthorizerType.JWT) {
            route.jwt(scheme.authorizer().authorizerId(), scopeList.toArray(String[]::new));
            return;
        } else {
            route.custom(scheme.authorizer().authorizerId());
        }
        if (!scopeList.isEmpty()) {
            context.warn(scopes, "scopes are for JWT authorizers; ignored");
        }
    }
}
