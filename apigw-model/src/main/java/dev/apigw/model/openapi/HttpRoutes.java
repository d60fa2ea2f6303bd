package dev.apigw.model.openapi;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import dev.apigw.model.openapi.Placeholders.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts the paths of an HTTP API definition into routes (reference sections 4.1, 7.2): each
 * operation is the route {@code METHOD /path} ({@code x-amazon-apigateway-any-method} is {@code
 * ANY}), the path {@code /$default} and an operation with {@code isDefaultRoute: true} are the
 * {@code $default} route; the base path prefixes the others as {@link BasePathMode} says.
 */
final class HttpRoutes {
    private static final Map<String, String> METHODS =
            Map.of(
                    "get", "GET",
                    "put", "PUT",
                    "post", "POST",
                    "delete", "DELETE",
                    "options", "OPTIONS",
                    "head", "HEAD",
                    "patch", "PATCH",
                    "x-amazon-apigateway-any-method", "ANY");

    private final ImportContext context;
    private final HttpSecurity security;
    private final HttpIntegrations integrations;
    private final Set<String> routeKeys = new HashSet<>();

    HttpRoutes(ImportContext context, HttpSecurity security) {
        this.context = context;
        this.security = security;
        this.integrations = new HttpIntegrations(context);
    }

    /** Adds every route, and the integrations they use, to the builder. */
    void convert(HttpApi.Builder b) {
        String prefix = BasePaths.prefix(context);
        for (Map.Entry<String, Node> path : context.root().get("paths").fields()) {
            Node item = context.deref(path.getValue());
            for (Map.Entry<String, Node> op : item.fields()) {
                String method = METHODS.get(op.getKey().toLowerCase(Locale.ROOT));
                if (method == null) {
                    if (op.getKey().equalsIgnoreCase("trace")) {
                        context.warn(op.getValue(), "TRACE is not an HTTP API method; ignored");
                    }
                    continue;
                }
                route(routeKey(prefix, path.getKey(), method, op.getValue()), op.getValue(), b);
            }
        }
    }

    private String routeKey(String prefix, String path, String method, Node op) {
        boolean isDefault =
                path.equals("/$default") || op.get("isDefaultRoute").json().asBoolean(false);
        if (isDefault) {
            return RouteKey.DEFAULT;
        }
        String full = path.equals("/") && !prefix.isEmpty() ? prefix : prefix + path;
        String key = method + " " + full;
        try {
            return RouteKey.parse(key).toString();
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(op, e.getMessage());
        }
    }

    private void route(String key, Node op, HttpApi.Builder b) {
        if (!routeKeys.add(key)) {
            throw ImportContext.fail(op, "Route with key " + key + " already exists for this API");
        }
        Route.Builder r = Route.builder(key);
        String operationId = context.text(op.get("operationId"), Field.DESCRIBE);
        if (!operationId.isEmpty()) {
            r.operationName(operationId);
        }
        if (op.has("requestBody")) {
            context.warn(
                    op.get("requestBody"),
                    "HTTP APIs do not validate request bodies; requestBody ignored");
        }
        if (op.has("x-amazon-apigateway-request-validator")) {
            context.warn(
                    op.get("x-amazon-apigateway-request-validator"),
                    "request validators are for REST APIs; ignored");
        }
        if (op.has("security")) {
            security.apply(op.get("security"), r);
        }
        Node auth = op.get("x-amazon-apigateway-auth").get("type");
        if (!auth.isMissing()) {
            r.authorizationType(iamOrNone(auth)).authorizerId(null).authorizationScopes(List.of());
        }
        Node extension = op.get("x-amazon-apigateway-integration");
        if (extension.isMissing()) {
            context.warn(op, "No integration defined for route " + key);
        } else {
            HttpIntegration integration = integrations.convert(extension, key);
            b.integration(integration);
            r.integrationId(integration.integrationId());
        }
        try {
            b.route(r.build());
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(op, e.getMessage());
        }
    }

    /** {@code x-amazon-apigateway-auth}: {@code NONE} or {@code AWS_IAM} (reference 4.1). */
    private AuthorizationType iamOrNone(Node auth) {
        AuthorizationType type = context.enumValue(auth, AuthorizationType.class, "type");
        if (type != AuthorizationType.NONE && type != AuthorizationType.AWS_IAM) {
            throw ImportContext.fail(
                    auth, "x-amazon-apigateway-auth type must be NONE or AWS_IAM, was " + type);
        }
        return type;
    }
}
