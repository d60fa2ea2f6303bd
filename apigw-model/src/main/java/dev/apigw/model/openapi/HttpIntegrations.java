package dev.apigw.model.openapi;

import dev.apigw.model.ConnectionType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.openapi.Placeholders.Field;
import dev.apigw.model.template.StableIds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts an HTTP API's {@code x-amazon-apigateway-integration} into an {@link HttpIntegration}
 * (reference sections 4.2, 5.5): {@code type} {@code aws_proxy} or {@code http_proxy}
 * (case-insensitive), {@code uri}, {@code httpMethod}, {@code payloadFormatVersion}, {@code
 * integrationSubtype}, {@code requestParameters}, {@code responseParameters}, {@code
 * timeoutInMillis}, {@code credentials}, {@code connectionType}, {@code connectionId}; the fields
 * only REST integrations have are warned about. An integration named by {@code $ref:
 * "#/components/x-amazon-apigateway-integrations/NAME"} has the id {@code NAME} and is shared by
 * the routes naming it; an inline one has an id derived from its route key ({@link #inlineId}).
 */
final class HttpIntegrations {
    /** Where shared integrations are (reference 4.1). */
    static final String COMPONENTS = "#/components/x-amazon-apigateway-integrations/";

    private static final List<String> REST_ONLY =
            List.of(
                    "requestTemplates",
                    "responses",
                    "passthroughBehavior",
                    "contentHandling",
                    "cacheNamespace",
                    "cacheKeyParameters",
                    "integrationTarget",
                    "responseTransferMode");

    private final ImportContext context;
    private final Integrations values;
    private final Map<String, HttpIntegration> shared = new HashMap<>();

    HttpIntegrations(ImportContext context) {
        this.context = context;
        this.values = new Integrations(context);
    }

    /** Returns the id an inline integration of the route {@code routeKey} gets. */
    static String inlineId(String routeKey) {
        return StableIds.of("integration:" + routeKey, 7);
    }

    /** Converts the integration of the route {@code routeKey}; a shared one once. */
    HttpIntegration convert(Node extension, String routeKey) {
        Node ref = extension.get("$ref");
        if (ref.isMissing()) {
            return convert(inlineId(routeKey), extension);
        }
        String target = context.text(ref, Field.SERVE);
        String id =
                target.startsWith(COMPONENTS)
                        ? target.substring(COMPONENTS.length())
                                .replace("~1", "/")
                                .replace("~0", "~")
                        : StableIds.of("integration:" + target, 7);
        HttpIntegration known = shared.get(id);
        if (known == null) {
            known = convert(id, context.deref(extension));
            shared.put(id, known);
        }
        return known;
    }

    private HttpIntegration convert(String id, Node node) {
        if (!node.json().isObject()) {
            throw ImportContext.fail(node, "expected an object");
        }
        HttpIntegration.Builder b = HttpIntegration.builder(id).integrationType(type(node));
        String uri = context.text(node.get("uri"), Field.SERVE);
        if (!uri.isEmpty()) {
            b.integrationUri(uri);
        }
        String method = context.text(node.get("httpMethod"), Field.SERVE);
        if (!method.isEmpty()) {
            b.integrationMethod(method.toUpperCase(Locale.ROOT));
        }
        Node version = node.get("payloadFormatVersion");
        if (!version.isMissing()) {
            b.payloadFormatVersion(version(version));
        }
        Node subtype = node.get("integrationSubtype");
        if (!subtype.isMissing()) {
            b.integrationSubtype(subtype(subtype));
        }
        b.requestParameters(values.stringMap(node.get("requestParameters"), Field.TEMPLATE));
        Map<String, Map<String, String>> responses = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : node.get("responseParameters").fields()) {
            responses.put(e.getKey(), values.stringMap(e.getValue(), Field.TEMPLATE));
        }
        b.responseParameters(responses);
        if (node.has("timeoutInMillis")) {
            b.timeoutInMillis(values.integer(node.get("timeoutInMillis")));
        }
        String credentials = context.text(node.get("credentials"), Field.ROLE);
        if (!credentials.isEmpty()) {
            b.credentialsArn(credentials);
        }
        if (node.has("connectionType")) {
            b.connectionType(
                    context.enumValue(
                            node.get("connectionType"), ConnectionType.class, "connectionType"));
        }
        String connectionId = context.text(node.get("connectionId"), Field.DESCRIBE);
        if (!connectionId.isEmpty()) {
            b.connectionId(connectionId);
        }
        String description = context.text(node.get("description"), Field.DESCRIBE);
        if (!description.isEmpty()) {
            b.description(description);
        }
        warnUnkept(node);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(node, e.getMessage());
        }
    }

    private IntegrationType type(Node node) {
        Node typeNode = node.get("type");
        if (typeNode.isMissing()) {
            throw ImportContext.fail(typeNode, "integration type is required");
        }
        IntegrationType type = context.enumValue(typeNode, IntegrationType.class, "type");
        if (type != IntegrationType.AWS_PROXY && type != IntegrationType.HTTP_PROXY) {
            throw ImportContext.fail(
                    typeNode,
                    "integration type "
                            + type.name().toLowerCase(Locale.ROOT)
                            + " is for REST APIs; an HTTP API takes aws_proxy or http_proxy");
        }
        return type;
    }

    /** {@code 1.0} or {@code 2.0}, written as a string or a number. */
    private String version(Node node) {
        if (node.json().isNumber()) {
            return String.valueOf(node.json().asDouble());
        }
        return context.text(node, Field.SERVE);
    }

    private IntegrationSubtype subtype(Node node) {
        String name = context.text(node, Field.SERVE);
        return IntegrationSubtype.fromAwsName(name)
                .orElseThrow(
                        () ->
                                ImportContext.fail(
                                        node,
                                        "unknown integrationSubtype '"
                                                + name
                                                + "'; one of "
                                                + Arrays.stream(IntegrationSubtype.values())
                                                        .map(IntegrationSubtype::awsName)
                                                        .toList()));
    }

    private void warnUnkept(Node node) {
        for (String field : REST_ONLY) {
            if (node.has(field)) {
                context.warn(node.get(field), field + " is for REST API integrations; ignored");
            }
        }
        Node tls = node.get("tlsConfig");
        if (!tls.isMissing()) {
            context.warn(
                    tls,
                    "tlsConfig is for private integrations (VPC links), which are not served;"
                            + " ignored");
        }
    }
}
