package dev.apigw.runtime.websocket;

import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.SelectionExpression;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The request templates of a WebSocket integration (reference 1, 6.2, 7.3), compiled once: the
 * {@code templateSelectionExpression} evaluated on the message gives the key; the template of that
 * key, else the {@code $default} template, transforms the message (without an expression: the
 * {@code $default} template). Without one the {@code passthroughBehavior} decides: {@code
 * WHEN_NO_MATCH} passes the message through, {@code WHEN_NO_TEMPLATES} only when there are no
 * templates at all, {@code NEVER} never; a refused message is 415 {@code Unsupported Media Type}. A
 * template that does not parse is accepted with a warning and fails every call (500).
 */
final class RequestTemplates {
    /** No templates, everything passed through: {@code HTTP_PROXY}. */
    static final RequestTemplates NONE =
            new RequestTemplates(null, Map.of(), PassthroughBehavior.WHEN_NO_MATCH, null);

    private static final String DEFAULT = "$default";

    private final SelectionExpression expression; // null: none
    private final Map<String, MappingTemplate> templates;
    private final PassthroughBehavior passthrough;
    private final ContentHandlingStrategy contentHandling; // null: none

    private RequestTemplates(
            SelectionExpression expression,
            Map<String, MappingTemplate> templates,
            PassthroughBehavior passthrough,
            ContentHandlingStrategy contentHandling) {
        this.expression = expression;
        this.templates = templates;
        this.passthrough = passthrough;
        this.contentHandling = contentHandling;
    }

    /** Compiles the request templates of {@code integration} with {@code engine}. */
    static RequestTemplates compile(
            WebSocketIntegration integration, TemplateEngine engine, Consumer<String> warnings) {
        Map<String, MappingTemplate> compiled = new LinkedHashMap<>();
        integration
                .requestTemplates()
                .forEach(
                        (key, text) ->
                                compiled.put(
                                        key,
                                        engine.compileForDeployment(
                                                "integration "
                                                        + integration.integrationId()
                                                        + " request template "
                                                        + key,
                                                text,
                                                warnings)));
        return new RequestTemplates(
                integration.templateSelectionExpression().orElse(null),
                Map.copyOf(compiled),
                integration.passthroughBehavior(),
                integration.contentHandlingStrategy().orElse(null));
    }

    /**
     * Returns the body of a call whose message passes through: the message converted by the
     * integration's {@code contentHandlingStrategy} ({@link ContentConversion}).
     */
    byte[] passThrough(RouteRequest request) {
        return ContentConversion.message(contentHandling, request);
    }

    /**
     * Returns the template of a call, or empty when the message passes through; throws 415 when the
     * passthrough behaviour refuses it.
     */
    Optional<MappingTemplate> select(RouteRequest request) {
        String key = expression == null ? DEFAULT : SelectionValues.onRequest(expression, request);
        MappingTemplate template = templates.get(key);
        if (template == null) {
            template = templates.get(DEFAULT);
        }
        if (template != null) {
            ContentConversion.checkTemplate(contentHandling);
            return Optional.of(template);
        }
        if (passthrough == PassthroughBehavior.NEVER
                || (passthrough == PassthroughBehavior.WHEN_NO_TEMPLATES && !templates.isEmpty())) {
            throw GatewayException.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
        }
        return Optional.empty();
    }
}
