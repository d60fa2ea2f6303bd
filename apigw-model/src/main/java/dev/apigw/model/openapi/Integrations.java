package dev.apigw.model.openapi;

import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.ResponseTransferMode;
import dev.apigw.model.openapi.Placeholders.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Converts {@code x-amazon-apigateway-integration} into an {@link Integration} with every field of
 * reference section 4.2; enum values are case-insensitive (reference section 4.1).
 */
final class Integrations {
    /** The largest mapping template AWS accepts: 300 KB (reference section 9.5). */
    static final int MAX_TEMPLATE_BYTES = 300 * 1024;

    private final ImportContext context;

    Integrations(ImportContext context) {
        this.context = context;
    }

    /** Converts an integration object; null when it has neither type nor URI (warned). */
    Integration convert(Node extension) {
        Node node = context.deref(extension);
        ApiTypes.refuseAsRest(ApiTypes.subtype(node));
        Node version = node.get("payloadFormatVersion");
        if (!version.isMissing() && !version.json().asText().startsWith("1.0")) {
            context.warn(
                    version,
                    "payloadFormatVersion "
                            + version.json().asText()
                            + " is for HTTP APIs; a REST API's Lambda proxy integration sends payload"
                            + " format 1.0");
        }
        Integration.Builder b = Integration.builder();
        IntegrationType type;
        if (node.has("type")) {
            type = context.enumValue(node.get("type"), IntegrationType.class, "type");
        } else if (node.has("uri")) {
            throw ImportContext.fail(node.get("type"), "integration type is required");
        } else {
            context.warn(node, "integration has no type and no uri; imported as MOCK");
            type = IntegrationType.MOCK;
        }
        b.type(type);
        String httpMethod = context.text(node.get("httpMethod"), Field.SERVE);
        b.httpMethod(httpMethod.toUpperCase(Locale.ROOT));
        b.uri(context.text(node.get("uri"), Field.SERVE));
        String credentials = context.text(node.get("credentials"), Field.ROLE);
        if (!credentials.isEmpty()) {
            b.credentials(credentials);
        }
        b.requestParameters(stringMap(node.get("requestParameters"), Field.SERVE));
        b.requestTemplates(templates(node.get("requestTemplates")));
        if (node.has("passthroughBehavior")) {
            b.passthroughBehavior(
                    context.enumValue(
                            node.get("passthroughBehavior"),
                            PassthroughBehavior.class,
                            "passthroughBehavior"));
        }
        if (node.has("contentHandling")) {
            b.contentHandling(
                    context.enumValue(
                            node.get("contentHandling"),
                            ContentHandlingStrategy.class,
                            "contentHandling"));
        }
        if (node.has("timeoutInMillis")) {
            b.timeoutInMillis(integer(node.get("timeoutInMillis")));
        }
        optional(node.get("cacheNamespace"), b::cacheNamespace);
        b.cacheKeyParameters(strings(node.get("cacheKeyParameters"), Field.SERVE));
        if (node.has("connectionType")) {
            b.connectionType(
                    context.enumValue(
                            node.get("connectionType"), ConnectionType.class, "connectionType"));
        }
        optional(node.get("connectionId"), b::connectionId);
        Node tls = node.get("tlsConfig");
        b.insecureSkipVerification(tls.get("insecureSkipVerification").json().asBoolean(false));
        if (tls.has("serverNameToVerify")) {
            context.warn(
                    tls.get("serverNameToVerify"),
                    "serverNameToVerify is for HTTP API" + " private integrations; ignored");
        }
        if (node.has("responseTransferMode")) {
            b.responseTransferMode(
                    context.enumValue(
                            node.get("responseTransferMode"),
                            ResponseTransferMode.class,
                            "responseTransferMode"));
        }
        optional(node.get("integrationTarget"), b::integrationTarget);
        responses(node.get("responses"), b);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(node, e.getMessage());
        }
    }

    private void responses(Node responses, Integration.Builder b) {
        Map<String, IntegrationResponse> byStatus = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : responses.fields()) {
            Node r = e.getValue();
            IntegrationResponse.Builder rb =
                    IntegrationResponse.builder()
                            .statusCode(
                                    context.requiredText(
                                            r.get("statusCode"), Field.SERVE, "statusCode"))
                            .selectionPattern(e.getKey().equals("default") ? null : e.getKey())
                            .responseParameters(stringMap(r.get("responseParameters"), Field.SERVE))
                            .responseTemplates(templates(r.get("responseTemplates")));
            if (r.has("contentHandling")) {
                rb.contentHandling(
                        context.enumValue(
                                r.get("contentHandling"),
                                ContentHandlingStrategy.class,
                                "contentHandling"));
            }
            IntegrationResponse response;
            try {
                response = rb.build();
            } catch (IllegalArgumentException ex) {
                throw ImportContext.fail(r, ex.getMessage());
            }
            IntegrationResponse previous = byStatus.put(response.statusCode(), response);
            if (previous != null) {
                context.warn(
                        r,
                        "another integration response already has status code "
                                + response.statusCode()
                                + " (pattern "
                                + previous.selectionPattern().orElse("default")
                                + "); AWS keeps one per"
                                + " status code, the last");
            }
        }
        b.integrationResponses(byStatus);
    }

    private Map<String, String> templates(Node templates) {
        Map<String, String> map = stringMap(templates, Field.TEMPLATE);
        for (Map.Entry<String, String> e : map.entrySet()) {
            int bytes = e.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_TEMPLATE_BYTES) {
                throw ImportContext.fail(
                        templates.get(e.getKey()),
                        "mapping template is "
                                + bytes
                                + " bytes, over AWS's limit of 300 KB ("
                                + MAX_TEMPLATE_BYTES
                                + " bytes)");
            }
        }
        return map;
    }

    Map<String, String> stringMap(Node node, Field field) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!node.isMissing() && !node.json().isObject()) {
            throw ImportContext.fail(node, "expected an object");
        }
        for (Map.Entry<String, Node> e : node.fields()) {
            map.put(e.getKey(), context.text(e.getValue(), field));
        }
        return map;
    }

    List<String> strings(Node node, Field field) {
        List<String> list = new ArrayList<>();
        if (!node.isMissing() && !node.json().isArray()) {
            throw ImportContext.fail(node, "expected an array");
        }
        for (Node item : node.items()) {
            list.add(context.text(item, field));
        }
        return list;
    }

    int integer(Node node) {
        String text = context.text(node, Field.SERVE);
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ImportContext.fail(node, "'" + text + "' is not an integer");
        }
    }

    private void optional(Node node, Consumer<String> setter) {
        String value = context.text(node, Field.DESCRIBE);
        if (!value.isEmpty()) {
            setter.accept(value);
        }
    }
}
