package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link Integration} as {@code x-amazon-apigateway-integration} (reference sections 4.1
 * and 4.2): {@code type} and {@code passthroughBehavior} lower-case, as AWS exports them; {@code
 * responses} keyed by selection pattern, {@code default} for the response without one.
 *
 * <p>Fields at the value an import would give them anyway are left out, as in AWS's exports: {@code
 * timeoutInMillis} 29000, an empty {@code cacheKeyParameters}, {@code connectionType} {@code
 * INTERNET} of an HTTP integration, {@code tlsConfig} without {@code insecureSkipVerification}.
 */
final class ExportIntegration {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExportIntegration() {}

    /** Returns the extension's value; {@code place} names the method in error messages. */
    static ObjectNode of(Integration integration, String place) {
        ObjectNode node = NODES.objectNode();
        integration.credentials().ifPresent(c -> node.put("credentials", c));
        integration.httpMethod().ifPresent(m -> node.put("httpMethod", m));
        integration.uri().ifPresent(u -> node.put("uri", u));
        integration.connectionId().ifPresent(c -> node.put("connectionId", c));
        integration
                .connectionType()
                .filter(c -> c != defaultConnectionType(integration.type()))
                .ifPresent(c -> node.put("connectionType", c.name()));
        integration.integrationTarget().ifPresent(t -> node.put("integrationTarget", t));
        if (!integration.integrationResponses().isEmpty()) {
            node.set("responses", responses(integration.integrationResponses(), place));
        }
        putMap(node, "requestParameters", integration.requestParameters());
        putMap(node, "requestTemplates", integration.requestTemplates());
        node.put("passthroughBehavior", lower(integration.passthroughBehavior().name()));
        integration.contentHandling().ifPresent(c -> node.put("contentHandling", c.name()));
        if (integration.timeoutInMillis() != Integration.DEFAULT_TIMEOUT_MILLIS) {
            node.put("timeoutInMillis", integration.timeoutInMillis());
        }
        if (integration.insecureSkipVerification()) {
            node.putObject("tlsConfig").put("insecureSkipVerification", true);
        }
        integration.cacheNamespace().ifPresent(c -> node.put("cacheNamespace", c));
        node.put("responseTransferMode", integration.responseTransferMode().name());
        if (!integration.cacheKeyParameters().isEmpty()) {
            ArrayNode keys = node.putArray("cacheKeyParameters");
            integration.cacheKeyParameters().forEach(keys::add);
        }
        node.put("type", lower(integration.type().name()));
        return node;
    }

    private static ConnectionType defaultConnectionType(IntegrationType type) {
        return type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY
                ? ConnectionType.INTERNET
                : null;
    }

    private static ObjectNode responses(Map<String, IntegrationResponse> responses, String place) {
        ObjectNode node = NODES.objectNode();
        for (IntegrationResponse response : responses.values()) {
            String key = response.selectionPattern().orElse("default");
            if (node.has(key)) {
                throw new IllegalArgumentException(
                        place
                                + ": integration responses "
                                + node.get(key).get("statusCode").asText()
                                + " and "
                                + response.statusCode()
                                + " share the selection pattern '"
                                + key
                                + "', which OpenAPI keys them by");
            }
            ObjectNode entry = node.putObject(key);
            entry.put("statusCode", response.statusCode());
            putMap(entry, "responseParameters", response.responseParameters());
            putMap(entry, "responseTemplates", response.responseTemplates());
            response.contentHandling().ifPresent(c -> entry.put("contentHandling", c.name()));
        }
        return node;
    }

    static void putMap(ObjectNode node, String field, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode map = node.putObject(field);
            values.forEach(map::put);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
