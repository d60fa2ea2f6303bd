package dev.apigw.runtime.websocket;

import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.SelectionExpression;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketIntegrationResponse;
import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.mapping.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The integration responses of a WebSocket integration (reference 6.1, 7.3), compiled once. The
 * value matched is the {@code integrationResponseSelectionExpression} on the answer ({@link
 * SelectionValues}; without one the status code), or a Lambda function error's {@code
 * errorMessage}. It selects the response of the same key, else the first {@code /regex/} key
 * matching it whole, else {@code $default}; with none, nothing goes back. The selected response's
 * {@code templateSelectionExpression} gives the key of its response template, else its {@code
 * $default} template is used, else the answer's body passes through. The output goes back as a text
 * frame (the body passed through: text when UTF-8, else binary); empty output sends nothing. {@link
 * #PASSTHROUGH} ({@code HTTP_PROXY}) passes every answer's body through.
 */
final class IntegrationResponses {
    /** Every answer's body as it came: {@code HTTP_PROXY}. */
    static final IntegrationResponses PASSTHROUGH = new IntegrationResponses(null, null);

    private static final String DEFAULT = "$default";

    /** A compiled response; {@code pattern} is null unless its key is a {@code /regex/}. */
    private record Compiled(
            WebSocketIntegrationResponse response,
            Pattern pattern,
            Map<String, MappingTemplate> templates) {}

    private final SelectionExpression expression; // null: the status code
    private final List<Compiled> responses;

    private IntegrationResponses(SelectionExpression expression, List<Compiled> responses) {
        this.expression = expression;
        this.responses = responses;
    }

    /** Compiles the integration responses of {@code integration} with {@code engine}. */
    static IntegrationResponses compile(
            WebSocketIntegration integration, TemplateEngine engine, Consumer<String> warnings) {
        List<Compiled> compiled = new ArrayList<>();
        for (WebSocketIntegrationResponse response : integration.integrationResponses().values()) {
            String key = response.integrationResponseKey();
            Map<String, MappingTemplate> templates = new LinkedHashMap<>();
            response.responseTemplates()
                    .forEach(
                            (name, text) ->
                                    templates.put(
                                            name,
                                            engine.compileForDeployment(
                                                    "integration response "
                                                            + key
                                                            + " template "
                                                            + name,
                                                    text,
                                                    warnings)));
            Pattern pattern =
                    response.isPattern()
                            ? Pattern.compile(key.substring(1, key.length() - 1))
                            : null;
            compiled.add(new Compiled(response, pattern, Map.copyOf(templates)));
        }
        return new IntegrationResponses(
                integration.integrationResponseSelectionExpression().orElse(null),
                List.copyOf(compiled));
    }

    /** Returns what goes back to the client for {@code answer}, if anything. */
    Optional<Frame> output(
            RouteRequest request,
            IntegrationCall.Answer answer,
            Map<String, Object> context,
            Map<String, String> stageVariables) {
        if (responses == null) {
            return passedThrough(answer, null);
        }
        Optional<Compiled> selected = select(request, answer);
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        ContentHandlingStrategy strategy =
                selected.get().response().contentHandlingStrategy().orElse(null);
        Optional<MappingTemplate> template = template(selected.get(), request, answer);
        if (template.isEmpty()) {
            return passedThrough(answer, strategy);
        }
        ContentConversion.checkTemplate(strategy);
        String payload = new String(answer.body(), StandardCharsets.UTF_8);
        String output =
                template.get().render(TemplateInputs.of(payload, request, context, stageVariables));
        return output.isEmpty() ? Optional.empty() : Optional.of(Frame.text(output));
    }

    private Optional<Compiled> select(RouteRequest request, IntegrationCall.Answer answer) {
        String value = answer.errorMessage().orElseGet(() -> selectionValue(request, answer));
        for (Compiled c : responses) {
            String key = c.response().integrationResponseKey();
            if (c.pattern() == null && !key.equals(DEFAULT) && key.equals(value)) {
                return Optional.of(c);
            }
        }
        for (Compiled c : responses) {
            if (c.pattern() != null && c.pattern().matcher(value).matches()) {
                return Optional.of(c);
            }
        }
        return responses.stream()
                .filter(c -> c.response().integrationResponseKey().equals(DEFAULT))
                .findFirst();
    }

    private String selectionValue(RouteRequest request, IntegrationCall.Answer answer) {
        return expression == null
                ? Integer.toString(answer.statusCode())
                : SelectionValues.onResponse(expression, request, answer);
    }

    private static Optional<MappingTemplate> template(
            Compiled selected, RouteRequest request, IntegrationCall.Answer answer) {
        Optional<String> key =
                selected.response()
                        .templateSelectionExpression()
                        .map(e -> SelectionValues.onResponse(e, request, answer));
        MappingTemplate template = key.map(selected.templates()::get).orElse(null);
        return Optional.ofNullable(template != null ? template : selected.templates().get(DEFAULT));
    }

    private static Optional<Frame> passedThrough(
            IntegrationCall.Answer answer, ContentHandlingStrategy strategy) {
        return answer.body().length == 0
                ? Optional.empty()
                : Optional.of(ContentConversion.answer(strategy, answer.body()));
    }
}
