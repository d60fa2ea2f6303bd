package dev.apigw.runtime.integration;

import dev.apigw.runtime.mapping.Body;
import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.mapping.TemplateVariables;
import dev.apigw.runtime.pipeline.ContextMap;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Payload;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the variables of a request's mapping templates from its exchange. Internal. */
public final class TemplateInputs {
    private TemplateInputs() {}

    /**
     * Returns the variables of a request template whose {@code $input} reads {@code text}: the
     * request payload after content handling (reference 6.3). When that is the payload as sent, its
     * JSON is the request's own, parsed at most once per request.
     */
    public static TemplateVariables request(Exchange exchange, String text) {
        Payload payload = exchange.payload();
        return of(
                exchange,
                text.equals(payload.text())
                        ? Body.of(payload.text(), payload::json)
                        : Body.of(text));
    }

    /**
     * Returns the variables of a response template whose {@code $input} reads {@code text}, the
     * UTF-8 decoding of {@code bytes} (the integration response body after content handling; for a
     * Lambda function error, the error payload): its JSON is parsed from the bytes, at most once.
     * Bytes that are not JSON as they stand (not UTF-8) are tried once more as the decoded text, as
     * a template always read them.
     */
    public static TemplateVariables response(Exchange exchange, String text, byte[] bytes) {
        return of(
                exchange,
                Body.of(text, () -> JsonDocument.parse(bytes).or(() -> JsonDocument.parse(text))));
    }

    /**
     * Returns the variables of a response template whose {@code $input} reads {@code text}, the
     * integration response body as it came, whose JSON {@code json} gives, parsed once for every
     * reader of that body; text that is not JSON as bytes is tried once more as text.
     */
    static TemplateVariables response(
            Exchange exchange, String text, Supplier<Optional<JsonDocument>> json) {
        return of(exchange, Body.of(text, () -> json.get().or(() -> JsonDocument.parse(text))));
    }

    private static TemplateVariables of(Exchange exchange, Body body) {
        Map<String, String> path =
                exchange.matchedRoute().map(r -> r.pathParameters()).orElse(Map.of());
        return new TemplateVariables(
                body,
                exchange.templateParameters().with(path),
                new ContextMap(exchange),
                exchange.stageVariables(),
                exchange.overrides());
    }
}
