package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.mapping.Body;
import dev.apigw.runtime.mapping.Parameters;
import dev.apigw.runtime.mapping.TemplateVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the variables of a request's mapping templates from its exchange. Internal. */
public final class TemplateInputs {
    private TemplateInputs() {}

    /**
     * Returns the variables of a request template: {@code $input} reads the request payload,
     * decoded and parsed at most once per request.
     */
    public static TemplateVariables request(Exchange exchange) {
        Payload payload = exchange.payload();
        return of(exchange, Body.of(payload.text(), payload::json));
    }

    /**
     * Returns the variables of a response template: {@code $input} reads the integration
     * response body (for a Lambda function error, the error payload), parsed at most once.
     */
    public static TemplateVariables response(Exchange exchange, Response endpoint) {
        return of(exchange, Body.of(endpoint.bodyAsString()));
    }

    private static TemplateVariables of(Exchange exchange, Body body) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : exchange.queryParameters().entrySet()) {
            query.put(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Headers h = exchange.request().headers();
        for (int i = 0; i < h.size(); i++) {
            if (!HiddenHeaders.isHidden(h.name(i))) {
                headers.put(h.name(i), h.value(i));
            }
        }
        Map<String, String> path = exchange.matchedRoute()
                .map(r -> r.pathParameters()).orElse(Map.of());
        return new TemplateVariables(body, new Parameters(path, query, headers),
                ContextVariables.asMap(exchange), exchange.stageVariables(),
                exchange.overrides());
    }
}
