package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.Route;

/**
 * Writes how HTTP API routes are authorized (reference sections 4.1, 4.4, 8.5, 8.6): a route's
 * {@code security} names its authorizer's scheme (with the JWT scopes), or {@code sigv4} for IAM; a
 * JWT authorizer is an {@code oauth2} scheme, a Lambda authorizer an {@code apiKey} header scheme
 * (its identity header, {@code Unused} when it has none), each with its {@code
 * x-amazon-apigateway-authorizer} when extensions are written.
 *
 * <p>One instance serves one export: it remembers whether {@code sigv4} was used.
 */
final class HttpExportSecurity {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HEADER_SOURCE = "$request.header.";

    private final HttpApi api;
    private final boolean extensions;
    private boolean sigv4Used;

    HttpExportSecurity(HttpApi api, boolean extensions) {
        for (HttpAuthorizer authorizer : api.authorizers().values()) {
            if (authorizer.name().equals(ExportSecurity.SIGV4)) {
                throw new IllegalArgumentException(
                        "authorizer sigv4: the name is the export's own security scheme for IAM");
            }
        }
        this.api = api;
        this.extensions = extensions;
    }

    /** Returns the route's {@code security}; empty when the route is open. */
    ArrayNode requirements(Route route) {
        ArrayNode requirements = NODES.arrayNode();
        if (route.authorizationType() == AuthorizationType.AWS_IAM) {
            sigv4Used = true;
            requirements.addObject().putArray(ExportSecurity.SIGV4);
        } else if (route.authorizerId().isPresent()) {
            HttpAuthorizer authorizer = api.authorizers().get(route.authorizerId().get());
            ArrayNode scopes = requirements.addObject().putArray(authorizer.name());
            route.authorizationScopes().forEach(scopes::add);
        }
        return requirements;
    }

    /** Returns the security schemes: every authorizer, then {@code sigv4} when used. */
    ObjectNode schemes() {
        ObjectNode schemes = NODES.objectNode();
        for (HttpAuthorizer authorizer : api.authorizers().values()) {
            schemes.set(authorizer.name(), scheme(authorizer));
        }
        if (sigv4Used) {
            ObjectNode sigv4 = ExportSecurity.header("Authorization");
            if (extensions) {
                sigv4.put("x-amazon-apigateway-authtype", "awsSigv4");
            }
            schemes.set(ExportSecurity.SIGV4, sigv4);
        }
        return schemes;
    }

    private ObjectNode scheme(HttpAuthorizer authorizer) {
        boolean jwt = authorizer.authorizerType() == HttpAuthorizerType.JWT;
        ObjectNode scheme;
        if (jwt) {
            scheme = NODES.objectNode().put("type", "oauth2");
            scheme.putObject("flows");
        } else {
            scheme = ExportSecurity.header(identityHeader(authorizer));
        }
        if (!extensions) {
            return scheme;
        }
        ObjectNode extension = scheme.putObject("x-amazon-apigateway-authorizer");
        if (!authorizer.identitySource().isEmpty()) {
            extension.put("identitySource", String.join(",", authorizer.identitySource()));
        }
        authorizer
                .authorizerCredentialsArn()
                .ifPresent(a -> extension.put("authorizerCredentials", a));
        if (jwt) {
            ObjectNode config = extension.putObject("jwtConfiguration");
            ArrayNode audience = config.putArray("audience");
            authorizer.jwtConfiguration().orElseThrow().audience().forEach(audience::add);
            config.put("issuer", authorizer.jwtConfiguration().orElseThrow().issuer());
            extension.put("type", "jwt");
            return scheme;
        }
        extension.put("authorizerUri", authorizer.authorizerUri().orElseThrow());
        extension.put(
                "authorizerPayloadFormatVersion",
                authorizer.authorizerPayloadFormatVersion().orElseThrow());
        extension.put("authorizerResultTtlInSeconds", authorizer.authorizerResultTtlInSeconds());
        extension.put("enableSimpleResponses", authorizer.enableSimpleResponses());
        extension.put("type", "request");
        return scheme;
    }

    private static String identityHeader(HttpAuthorizer authorizer) {
        if (authorizer.identitySource().size() == 1
                && authorizer.identitySource().get(0).startsWith(HEADER_SOURCE)) {
            return authorizer.identitySource().get(0).substring(HEADER_SOURCE.length());
        }
        return "Unused";
    }
}
