package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an HTTP API's routes as paths and operations (reference sections 4.1, 4.4, 7.2): {@code
 * GET /pets} is the {@code get} operation of {@code /pets}, {@code ANY} is {@code
 * x-amazon-apigateway-any-method}, {@code $default} is {@code /$default}'s {@code
 * x-amazon-apigateway-any-method} with {@code isDefaultRoute: true}; each with a {@code default}
 * response, its {@code operationId}, {@code security} and, with extensions, its integration: inline
 * when only this route uses it and its id is the one an import gives an inline integration ({@link
 * HttpIntegrations#inlineId}), otherwise a {@code $ref} into {@code
 * components.x-amazon-apigateway-integrations}, where unused integrations are written too, so an
 * import gives the same integrations back.
 */
final class HttpExportPaths {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ANY = "x-amazon-apigateway-any-method";

    private final HttpApi api;
    private final boolean extensions;
    private final HttpExportSecurity security;
    private final Map<String, Integer> uses = new HashMap<>();
    private final ObjectNode components = NODES.objectNode();

    HttpExportPaths(HttpApi api, boolean extensions, HttpExportSecurity security) {
        this.api = api;
        this.extensions = extensions;
        this.security = security;
        for (Route route : api.routes().values()) {
            route.integrationId().ifPresent(id -> uses.merge(id, 1, Integer::sum));
        }
    }

    /** Returns the {@code paths} object. */
    ObjectNode paths() {
        ObjectNode paths = NODES.objectNode();
        for (Route route : api.routes().values()) {
            RouteKey key = route.routeKey();
            String path = key.isDefault() ? "/$default" : key.path();
            String method =
                    key.isDefault() || key.isAnyMethod()
                            ? ANY
                            : key.method().toLowerCase(Locale.ROOT);
            ObjectNode item =
                    paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.set(method, operation(route));
        }
        if (extensions) {
            for (HttpIntegration integration : api.integrations().values()) {
                if (!uses.containsKey(integration.integrationId())) {
                    components.set(integration.integrationId(), integration(integration));
                }
            }
        }
        return paths;
    }

    /** Returns the integrations written under {@code components}, by id. */
    ObjectNode components() {
        return components;
    }

    private ObjectNode operation(Route route) {
        ObjectNode op = NODES.objectNode();
        if (route.routeKey().isDefault()) {
            op.put("isDefaultRoute", true);
        }
        route.operationName().ifPresent(name -> op.put("operationId", name));
        op.putObject("responses")
                .putObject("default")
                .put("description", "Default response for " + describe(route.routeKey()));
        ArrayNode requirements = security.requirements(route);
        if (!requirements.isEmpty()) {
            op.set("security", requirements);
        }
        if (extensions && route.integrationId().isPresent()) {
            String id = route.integrationId().get();
            HttpIntegration integration = api.integrations().get(id);
            boolean inline =
                    uses.get(id) == 1
                            && id.equals(HttpIntegrations.inlineId(route.routeKey().toString()));
            if (inline) {
                op.set("x-amazon-apigateway-integration", integration(integration));
            } else {
                components.set(id, integration(integration));
                op.putObject("x-amazon-apigateway-integration")
                        .put("$ref", HttpIntegrations.COMPONENTS + Node.escape(id));
            }
        }
        return op;
    }

    private static String describe(RouteKey key) {
        return key.isDefault() ? "ANY /$default" : key.toString();
    }

    /** The fields of reference 4.2 an HTTP API integration has; defaults left out. */
    private static ObjectNode integration(HttpIntegration i) {
        ObjectNode node = NODES.objectNode();
        node.put("type", i.integrationType().name().toLowerCase(Locale.ROOT));
        i.integrationSubtype()
                .map(IntegrationSubtype::awsName)
                .ifPresent(s -> node.put("integrationSubtype", s));
        i.integrationMethod().ifPresent(m -> node.put("httpMethod", m));
        i.integrationUri().ifPresent(u -> node.put("uri", u));
        node.put("payloadFormatVersion", i.payloadFormatVersion());
        i.credentialsArn().ifPresent(c -> node.put("credentials", c));
        node.put("connectionType", i.connectionType().name());
        i.connectionId().ifPresent(c -> node.put("connectionId", c));
        if (!i.requestParameters().isEmpty()) {
            ObjectNode parameters = node.putObject("requestParameters");
            i.requestParameters().forEach(parameters::put);
        }
        if (!i.responseParameters().isEmpty()) {
            ObjectNode responses = node.putObject("responseParameters");
            i.responseParameters()
                    .forEach(
                            (status, mappings) -> {
                                ObjectNode byStatus = responses.putObject(status);
                                mappings.forEach(byStatus::put);
                            });
        }
        if (i.timeoutInMillis() != HttpIntegration.MAX_TIMEOUT_MILLIS) {
            node.put("timeoutInMillis", i.timeoutInMillis());
        }
        i.description().ifPresent(d -> node.put("description", d));
        return node;
    }
}
